package dev.carrier.cli;

import dev.carrier.admin.Admin;
import dev.carrier.admin.AdminException;
import dev.carrier.admin.AdminViews.Closed;
import dev.carrier.admin.AdminViews.KeyView;
import dev.carrier.admin.AdminViews.UserView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code carrier user ...}: accounts, with or without a running server. */
@Command(name = "user",
        mixinStandardHelpOptions = true,
        description = {"Manages accounts, whether the server runs or not.",
            "%nManages accounts. Works whether the server runs or not: through the running server "
                    + "when it does (a ban or deletion then hangs up the user's live sessions at once), "
                    + "else straight on the database in the data folder. Every change goes into the audit "
                    + "log (carrier audit)."},
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Show.class,
            UserCommand.Passwd.class, UserCommand.Ban.class, UserCommand.Unban.class, UserCommand.Sysop.class,
            UserCommand.Delete.class, UserCommand.Key.class},
        footer = {"", "Examples:", "  carrier user add sysop --sysop", "  carrier user list",
            "  carrier user ban spammer --reason 'flooding chat'", "  carrier user passwd alice"})
public final class UserCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: add, list, show, passwd, ban, unban, sysop, delete or key");
    }

    private static String sessions(int count) {
        return count + (count == 1 ? " live session" : " live sessions");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds an account.",
                "%nAdds an account. Asks for the password twice on the terminal, or reads it from "
                        + "standard input with --password-stdin. Sysop tools may use handles that registration "
                        + "reserves, such as sysop."},
            footer = {"", "Examples:", "  carrier user add sysop --sysop",
                "  printf '%%s\\n' \"$PASSWORD\" | carrier user add alice --password-stdin"})
    static final class Add implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "HANDLE", description = "2-20 letters, digits, _ or -.")
        String handle;

        @Option(names = "--sysop", description = "Give the new account sysop rights.")
        boolean sysop;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String password = admin.newPassword(passwordStdin);
            try (Admin data = admin.connectCreating()) {
                UserView user = data.addUser(handle, password, sysop);
                admin.out().println("added " + user.handle() + (user.sysop() ? " (sysop)" : ""));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists every account, as a table that fits the terminal, or as JSON.",
            footer = {"", "Examples:", "  carrier user list", "  carrier user list --json | jq -r '.[].handle'"})
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Option(names = "--json", description = "A JSON array, for scripts.")
        boolean json;

        @Override
        public Integer call() {
            return admin.show(json, Admin::users, this::print);
        }

        private void print(List<UserView> users, PrintWriter out) {
            Table table = new Table(Table.Column.keep("HANDLE"), Table.Column.text("ROLE", 90),
                    Table.Column.text("LAST LOGIN", 70), Table.Column.text("CREATED", 50),
                    Table.Column.flexible("NAME", 30));
            for (UserView user : users) {
                String role = user.sysop() && user.banned() ? "sysop,banned"
                        : user.sysop() ? "sysop" : user.banned() ? "banned" : "-";
                table.row(user.handle(), role, Format.dateTime(user.lastLoginAt()), Format.dateTime(user.createdAt()),
                        user.displayName() == null || user.displayName().isEmpty() ? "-" : user.displayName());
            }
            out.print(table.render(admin.width()));
            out.println(users.size() + (users.size() == 1 ? " user" : " users"));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one account.",
            footer = {"", "Examples:", "  carrier user show alice", "  carrier user show alice --json"})
    static final class Show implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "HANDLE", description = "In any case.")
        String handle;

        @Option(names = "--json", description = "A JSON object, for scripts.")
        boolean json;

        @Override
        public Integer call() {
            return admin.show(json, data -> data.user(handle), Show::print);
        }

        private static void print(UserView user, PrintWriter out) {
            out.println("handle:      " + user.handle());
            out.println("name:        " + (user.displayName() == null || user.displayName().isEmpty()
                    ? "-" : user.displayName()));
            out.println("sysop:       " + (user.sysop() ? "yes" : "no"));
            out.println("banned:      " + (user.banned() ? "yes" : "no"));
            out.println("created:     " + Format.dateTime(user.createdAt()));
            out.println("last login:  " + Format.dateTime(user.lastLoginAt()));
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = {"Sets a new password for an account.",
                "%nSets a new password for an account. Asks twice on the terminal, or reads it from "
                        + "standard input with --password-stdin."},
            footer = {"", "Examples:", "  carrier user passwd alice",
                "  printf '%%s\\n' \"$PASSWORD\" | carrier user passwd alice --password-stdin"})
    static final class Passwd implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "HANDLE", description = "In any case.")
        String handle;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            return admin.report(data -> {
                data.user(handle); // no password asked for an account that does not exist
                return "changed the password of " + data.changePassword(handle, admin.newPassword(passwordStdin)).handle();
            });
        }
    }

    @Command(name = "ban", mixinStandardHelpOptions = true,
            description = {"Bans an account and hangs up its live sessions.",
                "%nBans an account: its next login is refused, and when the server runs, its live "
                        + "sessions are hung up at once."},
            footer = {"", "Examples:", "  carrier user ban spammer", "  carrier user ban spammer --reason 'flooding chat'"})
    static final class Ban implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "HANDLE", description = "In any case.")
        String handle;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Told to the user as they are hung up; kept in the audit log.")
        String reason;

        @Override
        public Integer call() {
            return admin.report(data -> {
                Closed closed = data.ban(handle, reason);
                return "banned " + closed.handle() + (data.live()
                        ? "; hung up " + sessions(closed.sessionsClosed()) : " (the server is not running)");
            });
        }
    }

    @Command(name = "unban", mixinStandardHelpOptions = true, description = "Lifts a ban.",
            footer = {"", "Examples:", "  carrier user unban alice"})
    static final class Unban implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "HANDLE", description = "In any case.")
        String handle;

        @Override
        public Integer call() {
            return admin.report(data -> "unbanned " + data.unban(handle).handle());
        }
    }

    @Command(name = "sysop", mixinStandardHelpOptions = true,
            description = {"Grants or revokes sysop rights.",
                "%nGrants sysop rights (or takes them with --revoke). A sysop sees the sysop menu and "
                        + "may /kick and /broadcast in chat; the change holds from their next command on."},
            footer = {"", "Examples:", "  carrier user sysop alice", "  carrier user sysop alice --revoke"})
    static final class Sysop implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "HANDLE", description = "In any case.")
        String handle;

        @Option(names = "--revoke", description = "Take the rights away instead.")
        boolean revoke;

        @Override
        public Integer call() {
            return admin.report(data -> {
                UserView user = data.setSysop(handle, !revoke);
                return user.handle() + (user.sysop() ? " is now a sysop" : " is no longer a sysop");
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Removes an account.",
                "%nRemoves an account; when the server runs, its live sessions are hung up. Messages "
                        + "and letters it sent or received stay."},
            footer = {"", "Examples:", "  carrier user delete olduser"})
    static final class Delete implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "HANDLE", description = "In any case.")
        String handle;

        @Override
        public Integer call() {
            return admin.report(data -> {
                Closed closed = data.delete(handle);
                return "deleted " + closed.handle() + (data.live() && closed.sessionsClosed() > 0
                        ? "; hung up " + sessions(closed.sessionsClosed()) : "");
            });
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = {"Adds, lists and removes a user's SSH public keys.",
                "%nAdds, lists and removes the SSH public keys a user logs in with over SSH (at most "
                        + "20 an account). Works whether the server runs or not; every change goes into the "
                        + "audit log."},
            subcommands = {KeyAdd.class, KeyList.class, KeyRemove.class},
            footer = {"", "Examples:", "  carrier user key add alice < alice_id_ed25519.pub",
                "  carrier user key list alice", "  carrier user key remove alice SHA256:..."})
    static final class Key implements Runnable {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, list or remove");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds an SSH public key to an account.",
                "%nAdds an SSH public key to an account: one OpenSSH public key line, such as the "
                        + "contents of ~/.ssh/id_ed25519.pub, read from standard input or given with --key. "
                        + "The user can then log in over SSH with the matching private key."},
            footer = {"", "Examples:", "  carrier user key add alice < alice_id_ed25519.pub",
                "  carrier user key add alice --key 'ssh-ed25519 AAAA... alice@laptop'"})
    static final class KeyAdd implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "HANDLE", description = "In any case.")
        String handle;

        @Option(names = "--key", paramLabel = "LINE",
                description = "The public key line, instead of reading it from standard input.")
        String key;

        @Override
        public Integer call() {
            String line = key != null ? key : readKeyLine();
            return admin.report(data -> {
                KeyView added = data.addKey(handle, line);
                return "added the " + added.type() + " key " + added.fingerprint()
                        + (added.comment().isEmpty() ? "" : " (" + added.comment() + ")") + " to "
                        + data.user(handle).handle();
            });
        }

        /** The first line of standard input that is not blank. */
        private String readKeyLine() {
            if (admin.console().isPresent()) {
                throw new AdminException("give the key with --key 'ssh-ed25519 AAAA... you@host'");
            }
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) return line;
                }
            } catch (IOException e) {
                throw new AdminException("cannot read the key from standard input: " + e.getMessage(), e);
            }
            throw new AdminException("no key on standard input: pipe in one line such as ssh-ed25519 AAAA... you@host,"
                    + " or give it with --key");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists an account's SSH public keys: fingerprint, type, comment and when added.",
            footer = {"", "Examples:", "  carrier user key list alice", "  carrier user key list alice --json"})
    static final class KeyList implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(paramLabel = "HANDLE", description = "In any case.")
        String handle;

        @Option(names = "--json", description = "A JSON array, for scripts.")
        boolean json;

        @Override
        public Integer call() {
            return admin.show(json, data -> data.keys(handle), this::print);
        }

        private void print(List<KeyView> keys, PrintWriter out) {
            Table table = new Table(Table.Column.keep("#"), Table.Column.keep("FINGERPRINT"),
                    Table.Column.text("TYPE", 80), Table.Column.text("ADDED", 60), Table.Column.flexible("COMMENT", 30));
            int number = 0;
            for (KeyView key : keys) {
                table.row(String.valueOf(++number), key.fingerprint(), key.type(), Format.dateTime(key.addedAt()),
                        key.comment().isEmpty() ? "-" : key.comment());
            }
            out.print(table.render(admin.width()));
            out.println(keys.size() + (keys.size() == 1 ? " key" : " keys"));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Removes an SSH public key from an account.",
                "%nRemoves an SSH public key from an account, named by its fingerprint as carrier user "
                        + "key list shows it (SHA256: may be left out) or by its number there."},
            footer = {"", "Examples:", "  carrier user key remove alice SHA256:...", "  carrier user key remove alice 1"})
    static final class KeyRemove implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Parameters(index = "0", paramLabel = "HANDLE", description = "In any case.")
        String handle;

        @Parameters(index = "1", paramLabel = "FINGERPRINT", description = "As listed, or the key's number in the list.")
        String fingerprint;

        @Override
        public Integer call() {
            return admin.report(data -> {
                KeyView removed = data.removeKey(handle, fingerprint);
                return "removed the key " + removed.fingerprint() + " from " + data.user(handle).handle();
            });
        }
    }
}
