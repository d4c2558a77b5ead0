package com.aggpay.router.channel.alipay;

import com.aggpay.router.channel.ChannelBill;
import com.aggpay.router.channel.ChannelInstance;
import com.alipay.api.AlipayApiException;
import com.alipay.api.domain.AlipayDataDataserviceBillDownloadurlQueryModel;
import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.response.AlipayDataDataserviceBillDownloadurlQueryResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The trade bill of a day: {@code alipay.data.dataservice.bill.downloadurl.query} (bill_type trade) answers a
 * short-lived bill_download_url, fetched with a plain GET (the URL itself is the credential). A day without
 * trades has no bill upstream ({@code isp.bill_not_exist}): an empty bill here. Other failures throw: a bill is
 * fetched again later, never guessed.
 */
final class AliBillDownload {

    private AliBillDownload() {
    }

    static ChannelBill download(AliClients sdk, HttpClient http, Duration readTimeout, ChannelInstance channel,
                                LocalDate day) {
        AlipayDataDataserviceBillDownloadurlQueryModel model = new AlipayDataDataserviceBillDownloadurlQueryModel();
        model.setBillType("trade");
        model.setBillDate(day.toString());
        AlipayDataDataserviceBillDownloadurlQueryRequest call = new AlipayDataDataserviceBillDownloadurlQueryRequest();
        call.setBizModel(model);
        AlipayDataDataserviceBillDownloadurlQueryResponse r;
        try {
            r = sdk.client().execute(call);
        } catch (AlipayApiException e) {
            throw new IllegalStateException("bill url of " + day + " for channel " + channel.name() + " failed", e);
        }
        if ("isp.bill_not_exist".equals(r.getSubCode())) {
            return new ChannelBill(channel.name(), day, List.of());
        }
        if (!"10000".equals(r.getCode()) || r.getBillDownloadUrl() == null) {
            throw new IllegalStateException("bill of " + day + " for channel " + channel.name() + " not available: "
                    + r.getCode() + "/" + r.getSubCode());
        }
        try {
            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(r.getBillDownloadUrl()))
                    .timeout(readTimeout).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (file.statusCode() != 200) {
                throw new IllegalStateException("bill download for channel " + channel.name() + " answered HTTP "
                        + file.statusCode());
            }
            return AliBillParser.parseZip(channel.name(), day, file.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
