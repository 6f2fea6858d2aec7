package dev.carrier.admin;

import dev.carrier.admin.AdminViews.AuditView;
import dev.carrier.admin.AdminViews.Broadcast;
import dev.carrier.admin.AdminViews.Closed;
import dev.carrier.admin.AdminViews.Kicked;
import dev.carrier.admin.AdminViews.KeyView;
import dev.carrier.admin.AdminViews.StatusView;
import dev.carrier.admin.AdminViews.SysopChatView;
import dev.carrier.admin.AdminViews.TailEvent;
import dev.carrier.admin.AdminViews.UserView;
import dev.carrier.admin.AdminViews.WhoView;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything the sysop's commands can do, whichever way they reach the data: through a running
 * server ({@link RemoteAdmin}), or straight on the database file when none runs
 * ({@link LocalAdmin} without a server). Methods block. Refusals are {@link AdminException}s
 * with a one-line reason; the commands that need a running server throw one when there is none.
 *
 * <p>Each method but {@link #live()} and {@link #tail} is one {@link AdminOperation}, the table
 * that names its path and arguments on the admin connection.
 */
public interface Admin extends AutoCloseable {

    /** Whether a running server does the work (bans then hang up live sessions). */
    boolean live();

    UserView addUser(String handle, String password, boolean sysop);

    List<UserView> users();

    UserView user(String handle);

    UserView changePassword(String handle, String password);

    Closed ban(String handle, String reason);

    UserView unban(String handle);

    UserView setSysop(String handle, boolean sysop);

    Closed delete(String handle);

    /** Adds one pasted OpenSSH public key line to the user's SSH keys. */
    KeyView addKey(String handle, String keyLine);

    /** The user's SSH keys, oldest first. */
    List<KeyView> keys(String handle);

    /** Removes the user's SSH key named by its fingerprint (or its number in the list); returns it. */
    KeyView removeKey(String handle, String fingerprint);

    List<AuditView> audit(int limit);

    WhoView who();

    Kicked kick(String target, String reason);

    Broadcast broadcast(String text);

    /**
     * Breaks in on the caller for a two-person chat with the console: the caller's lines, and the
     * end, arrive on the live feed ({@link #tail}) as {@code breakin} and {@code breakin_end} events.
     */
    SysopChatView chatOpen(String handle);

    /** A line from the console to its chat with the caller. */
    SysopChatView chatSay(String handle, String text);

    /** Ends the console's chat with the caller; both are back where they were. */
    SysopChatView chatEnd(String handle);

    StatusView status();

    /**
     * Hands every event of the live feed to {@code sink} until the feed ends (the server went
     * down) or {@link Feed#stop()} is called. Returns at once; the feed runs on a thread of its own.
     */
    Feed tail(Consumer<TailEvent> sink);

    /** A running feed. */
    interface Feed {

        /** Stops the feed; no event reaches the sink afterwards. */
        void stop();

        /** Waits until the feed has ended, by {@link #stop()} or because the server went away. */
        void await() throws InterruptedException;

        /** Whether the feed has ended. */
        boolean ended();
    }

    @Override
    void close();
}
