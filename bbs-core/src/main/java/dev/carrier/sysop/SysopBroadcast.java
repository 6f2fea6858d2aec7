package dev.carrier.sysop;

import dev.carrier.bus.BusMessage;

/** A sysop's broadcast, already cleaned: every server shows it on all of its own connections. */
public record SysopBroadcast(String text) implements BusMessage {
}
