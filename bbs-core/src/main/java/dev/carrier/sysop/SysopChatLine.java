package dev.carrier.sysop;

import dev.carrier.bus.BusMessage;
import java.time.Instant;

/**
 * A line of a break-in chat the sysop holds from the console: the console reads it on its live
 * feed. {@code ended} on the last one.
 */
public record SysopChatLine(String caller, String text, boolean ended, Instant at) implements BusMessage {}
