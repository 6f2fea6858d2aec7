package dev.carrier.chat;

import dev.carrier.bus.BusMessage;
import java.util.Map;

/**
 * One server's share of a person's place in a room: how many of their connections there are in
 * it, by how they came in ({@code telnet: 2, web: 1}). An empty {@code via} means they have no
 * connection in the room on that server any more. Joins and leaves are worked out from these:
 * a person joins when their first seat anywhere appears and leaves when their last one goes.
 *
 * @param version the number its server published it under (see {@link dev.carrier.bus.Partitioned})
 */
public record RoomSeat(String server, RoomName room, String handle, Map<String, Integer> via, long version)
        implements BusMessage {

    public RoomSeat {
        via = Map.copyOf(via);
    }
}
