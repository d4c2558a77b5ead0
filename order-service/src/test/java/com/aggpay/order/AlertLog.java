package com.aggpay.order;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the {@code aggpay.alert} logger (the one that pages an operator) said while it was open. */
final class AlertLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("aggpay.alert");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private AlertLog() {
        appender.start();
        logger.addAppender(appender);
    }

    static AlertLog capture() {
        return new AlertLog();
    }

    List<String> messages() {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
