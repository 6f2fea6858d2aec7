package dev.carrier.cluster;

import dev.carrier.bus.BusMessage;
import dev.carrier.bus.Partitioned.Share;
import dev.carrier.chat.RoomSeat;
import dev.carrier.presence.PresencePart;
import java.time.Instant;
import java.util.List;

/**
 * A server's heartbeat, every quarter of the presence TTL: its whole shares (so a server that came
 * late, or missed facts while its link was down, is put right), its callers for the sysop's who,
 * and its health for {@code carrier status}.
 *
 * @param started when this run of the server started: a new value under the same name is a restart
 * @param at      the sender's clock, for the record only (receivers time beats by their own clock)
 */
public record ServerBeat(String server, Instant started, Instant at, Share<PresencePart> presence,
        Share<RoomSeat> seats, List<ClusterCaller> callers, ServerHealth health) implements BusMessage {

    public ServerBeat {
        callers = List.copyOf(callers);
    }
}
