package dev.backfillfleet.worker.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/** Lets an appender write only while its format is the selected one (see logback.xml). */
public final class LogFormatFilter
        extends Filter<ILoggingEvent>
{
    private LogFormat format = LogFormat.PLAIN;

    /** Set from logback.xml: {@code <format>json</format>}. */
    public void setFormat(String format)
    {
        this.format = LogFormat.parse(format);
    }

    @Override
    public FilterReply decide(ILoggingEvent event)
    {
        return LogFormat.selected() == format ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
