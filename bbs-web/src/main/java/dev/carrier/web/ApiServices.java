package dev.carrier.web;

import dev.carrier.chat.ChatArchive;
import dev.carrier.chat.ChatManager;
import dev.carrier.auth.LoginGate;
import dev.carrier.auth.Tokens;
import dev.carrier.events.EventHub;
import dev.carrier.message.Messenger;
import dev.carrier.presence.Presence;
import dev.carrier.presence.PresenceStore;
import dev.carrier.runtime.Workers;
import dev.carrier.user.UserStore;
import java.time.Clock;

/**
 * The engine parts behind {@code /events} and {@code /api}: the login gate (shared with the
 * terminals), the tokens, presence, messages, the rooms and their history, and the JSON clients' hub. Blocking ones are only
 * called on {@code workers}.
 */
public record ApiServices(
        LoginGate logins, Tokens tokens, UserStore users, Presence presence, PresenceStore presenceStore,
        EventHub events, Messenger messenger, ChatManager chat, ChatArchive archive, Workers workers, Clock clock) {
}
