package dev.carrier.chat;

import dev.carrier.presence.Presence;
import dev.carrier.presence.Status;
import dev.carrier.presence.UserPresence;
import java.util.ArrayList;
import java.util.List;

/**
 * The one line a caller reads on entering a room: who is in it, by display name, with any status
 * other than online ({@code *** In #lobby (3): Alice Smith (alice), bob [away], carol}). A JSON
 * client gets the same as its presence snapshot.
 */
public final class RoomRoster {

    private RoomRoster() {}

    public static String line(RoomName room, List<ChatManager.Participant> people, Presence presence) {
        List<String> names = new ArrayList<>();
        for (ChatManager.Participant participant : people) {
            String handle = participant.handle();
            UserPresence person = presence.find(handle).orElse(null);
            if (person == null) {
                names.add(handle);
                continue;
            }
            String name = person.displayName().equals(handle) ? handle : person.displayName() + " (" + handle + ")";
            if (person.status() != Status.ONLINE) name += " [" + person.status().wireName() + "]";
            names.add(name);
        }
        return "*** In " + room + " (" + names.size() + "): " + String.join(", ", names);
    }
}
