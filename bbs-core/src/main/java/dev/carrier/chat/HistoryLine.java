package dev.carrier.chat;

/** A stored line of a room: its place in the room's history and the line. */
public record HistoryLine(long id, ChatEvent event) {}
