package dev.carrier.session;

/** How the line editor treats keystrokes for the prompt now showing. */
public enum InputMode {
    /** Echoed, edited, delivered on Enter. */
    LINE,
    /** Like LINE, but each key echoes as {@code *}: passwords. */
    MASKED,
    /** The first key is delivered at once (menus); Enter after it is swallowed. */
    HOTKEY
}
