package dev.carrier.mail;

/** Whom a letter goes to: one user, or every user (a bulletin, which only sysops may send). */
sealed interface Recipient {

    /** A user, by the handle as registered. */
    record One(String handle) implements Recipient {}

    /** Every user but the sender. */
    record All() implements Recipient {}

    /** How the {@code To:} line shows it. */
    default String shown() {
        return this instanceof One one ? one.handle() : MailRules.ALL;
    }
}
