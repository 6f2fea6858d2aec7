package dev.carrier.session;

/**
 * How a stage lays the screen out around the line being typed, for terminals that move their
 * cursor. While a stage has set one ({@link Session#frame}), everything the session writes goes
 * through it, so text from others, replies and notices land where the frame says and the typed
 * line is drawn again after them. Without one, a session writes lines one after another.
 *
 * <p>Each method returns the text to write (escapes included); all are called on the session's
 * executor.
 */
public interface ScreenFrame {

    /** Put the cursor where arriving text goes. */
    String beforeText();

    /** After the text: the prompt and what is typed so far, drawn again where they belong. */
    String afterText(String prompt, String typed);

    /** What Enter shows in place of a new line (the frame draws the line itself, or clears it). */
    String enter();

    /** The whole layout again, for the terminal's new size (already in its info). */
    String redraw(String prompt, String typed);

    /** Leaves a plain line terminal behind: when the stage is left or the session hangs up. */
    String release();
}
