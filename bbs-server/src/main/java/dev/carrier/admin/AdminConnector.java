package dev.carrier.admin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import dev.carrier.store.PostgresUrl;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the way to the data: the running server named by {@code admin.json}, or the database file
 * itself when no server runs. A file whose process is gone, or whose port refuses connections,
 * was left by a server that stopped without cleaning up, and means "not running".
 */
public final class AdminConnector {

    private static final int CONNECT_TIMEOUT_MS = 2000;

    private AdminConnector() {}

    /**
     * The admin for {@code dataDir}, acting as {@code actor}.
     *
     * @param passwordCost bcrypt cost for passwords set while no server runs (a running server uses its own)
     * @param mayCreate    whether a folder without a database may get one (see {@link LocalAdmin#offline})
     */
    public static Admin connect(Path dataDir, String actor, int passwordCost, boolean mayCreate) {
        return connect(dataDir, Optional.empty(), actor, passwordCost, mayCreate);
    }

    /** As above, with the database in PostgreSQL when {@code database} names one (else the folder's file). */
    public static Admin connect(Path dataDir, Optional<PostgresUrl> database, String actor, int passwordCost,
            boolean mayCreate) {
        Optional<AdminFile> running = running(dataDir);
        if (running.isPresent()) return new RemoteAdmin(dataDir, running.get(), actor);
        return LocalAdmin.offline(dataDir, database, actor, passwordCost, mayCreate);
    }

    /** The admin file of a server that runs on {@code dataDir} now, if one does. */
    public static Optional<AdminFile> running(Path dataDir) {
        return AdminFile.read(dataDir).filter(AdminConnector::answers);
    }

    /** Whether the server named by the file is alive and its port takes connections. */
    static boolean answers(AdminFile file) {
        boolean alive = ProcessHandle.of(file.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) return false;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), file.port()), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
