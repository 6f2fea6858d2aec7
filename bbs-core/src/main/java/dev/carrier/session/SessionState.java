package dev.carrier.session;

/** The states of a node's life, in the order a caller meets them. */
public enum SessionState {
    CONNECTED, LOGIN, NEW_USER, MENU, SERVICE, GOODBYE
}
