package com.aggpay.router.bill;

import com.aggpay.contracts.trade.BillAnswer;
import com.aggpay.router.channel.Capability;
import com.aggpay.router.channel.ChannelAdapter;
import com.aggpay.router.channel.ChannelAdapters;
import com.aggpay.router.channel.ChannelBill;
import com.aggpay.router.channel.ChannelInstance;
import com.aggpay.router.store.ChannelInstances;
import com.aggpay.router.web.ApiException;
import com.aggpay.router.web.ErrorCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands a channel's parsed bill to order-service, which reconciles it. The router only downloads and parses (it owns
 * the channel credentials and formats); comparing with orders is order-service's job, because it owns the orders.
 */
@RestController
public class BillController {

    private static final Logger log = LoggerFactory.getLogger(BillController.class);

    private final ChannelInstances channels;
    private final ChannelAdapters adapters;

    public BillController(ChannelInstances channels, ChannelAdapters adapters) {
        this.channels = channels;
        this.adapters = adapters;
    }

    @GetMapping("/internal/bills/{channel}/{date}")
    public BillAnswer bill(@PathVariable String channel, @PathVariable String date) {
        LocalDate day = day(date);
        ChannelInstance instance = channels.find(channel).orElseThrow(() -> new ApiException(ErrorCode.CHANNEL_UNKNOWN,
                "channel", "No channel named " + channel + "."));
        ChannelAdapter adapter = adapters.of(instance.type()).filter(a -> a.capabilities().contains(Capability.BILL))
                .orElseThrow(() -> new ApiException(ErrorCode.BILL_UNSUPPORTED, "channel",
                        "Channel " + channel + " has no bill download."));
        ChannelBill bill;
        try {
            bill = adapter.downloadBill(instance, day);
        } catch (UnsupportedOperationException e) {
            throw new ApiException(ErrorCode.BILL_UNSUPPORTED, "channel", e.getMessage());
        } catch (RuntimeException e) {
            // a bill is all or nothing: a partial one would show every missing line as a discrepancy
            log.warn("bill of {} for channel {} not downloaded: {}", day, channel, e.toString());
            throw new ApiException(ErrorCode.BILL_UNAVAILABLE, null, "The bill of " + day + " for channel " + channel
                    + " could not be downloaded: " + e.getMessage());
        }
        log.info("bill of {} for channel {}: {} lines", day, channel, bill.lines().size());
        return BillAnswers.of(channel, day, bill);
    }

    private static LocalDate day(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new ApiException(ErrorCode.PARAM_INVALID, "date", "date must be YYYY-MM-DD.");
        }
    }
}
