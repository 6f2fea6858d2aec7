package dev.carrier.sysop;

import dev.carrier.bus.BusMessage;
import java.time.Instant;

/** A caller asked for the sysop ({@code /page sysop}): the console's live feed hears it too. */
public record SysopPage(String from, Instant at) implements BusMessage {}
