package dev.carrier.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * How {@code carrier serve} writes its log on standard output: {@code plain} lines for a person,
 * or {@code json}, one object per line (Logback's JSON encoder) for a log shipper. The chosen
 * format's configuration is read from the jar, replacing the plain one Logback starts with.
 */
enum LogFormat {
    PLAIN("logback.xml"),
    JSON("logback-json.xml");

    /** A system property the configurations read for the root level; the sysop commands set WARN. */
    static final String LEVEL_PROPERTY = "carrier.log.level";
    static final String DEFAULT = "plain";
    /** A property of the log's context naming this server: in every plain line, and in each JSON object's context. */
    static final String SERVER_PROPERTY = "carrier.server";

    private final String resource;

    LogFormat(String resource) {
        this.resource = resource;
    }

    /** {@code plain} or {@code json}, any case; anything else is refused naming the option. */
    static LogFormat parse(String text) {
        for (LogFormat format : values()) {
            if (format.name().equalsIgnoreCase(text.strip())) return format;
        }
        throw new IllegalArgumentException("--log-format must be plain or json, was '" + text + "'");
    }

    /** Makes this the format from now on, each line naming the server. */
    void apply(String server) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        URL config = LogFormat.class.getClassLoader().getResource(resource);
        if (config == null) throw new IllegalStateException(resource + " is missing from the program");
        context.reset();
        context.putProperty(SERVER_PROPERTY, server);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
