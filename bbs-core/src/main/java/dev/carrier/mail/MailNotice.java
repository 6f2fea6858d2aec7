package dev.carrier.mail;

import dev.carrier.bus.BusMessage;
import java.util.List;

/**
 * Letters were stored: every server tells its own online recipients ({@code *** New mail from
 * alice}). A bulletin to all names no one ({@code toAll}): every server tells everyone logged in
 * but the sender, rather than carrying every user's handle.
 *
 * @param to the recipients, when not {@code toAll}
 */
public record MailNotice(String from, boolean toAll, List<String> to) implements BusMessage {

    public MailNotice {
        to = List.copyOf(to);
    }
}
