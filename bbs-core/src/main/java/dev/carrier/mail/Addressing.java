package dev.carrier.mail;

/** What a typed {@code To:} line turned out to be. */
sealed interface Addressing {

    record Found(Recipient recipient) implements Addressing {}

    /** Nobody to send to; {@code reason} is for the user. */
    record Refused(String reason) implements Addressing {}
}
