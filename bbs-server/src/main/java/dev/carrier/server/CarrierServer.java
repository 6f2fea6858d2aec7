package dev.carrier.server;

import dev.carrier.login.LoginStage;
import dev.carrier.menu.MenuLoader;
import dev.carrier.menu.MenuSource;
import dev.carrier.menu.Menus;
import dev.carrier.session.Engine;
import dev.carrier.session.GoodbyeStage;
import dev.carrier.session.Nodes;
import dev.carrier.session.ServiceCatalog;
import dev.carrier.session.ThreadScheduler;
import dev.carrier.session.Workers;
import dev.carrier.store.Database;
import dev.carrier.telnet.TelnetConfig;
import dev.carrier.telnet.TelnetServer;
import dev.carrier.user.BcryptPasswordHasher;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.who.WhoStage;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where Carrier is put together: storage, engine, services, menus, transports.
 * Started by {@code carrier serve} and, in-process on ephemeral ports, by the tests.
 */
public final class CarrierServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CarrierServer.class);

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final Engine engine;
    private final Database database;
    private Optional<TelnetServer> telnet = Optional.empty();

    private CarrierServer(ServerConfig config) {
        try {
            database = own(Database.open(config.dataDir()));
            Workers workers = own(Workers.forThisMachine());
            ThreadScheduler scheduler = own(new ThreadScheduler());
            ServiceCatalog services = ServiceCatalog.of(WhoStage.service(), GoodbyeStage.service());
            MenuSource menuSource = config.menusDir().map(MenuSource::folder).orElseGet(MenuSource::builtIn);
            Menus menus = new MenuLoader(menuSource, services.ids()).load();
            engine = new Engine(config.engine(), Clock.systemUTC(), scheduler, workers,
                    new SqliteUserStore(database), new BcryptPasswordHasher(config.passwordCost()), menus, services,
                    new Nodes(config.engine().maxNodes()), LoginStage::afterBanner);
            if (config.telnetPort() != 0) {
                int port = config.telnetPort() == ServerConfig.EPHEMERAL ? 0 : config.telnetPort();
                TelnetServer server = own(new TelnetServer(new TelnetConfig(config.bindAddress(), port,
                        config.cp437TerminalTypes(), config.negotiationTimeout()), engine));
                server.start();
                telnet = Optional.of(server);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts everything, or fails with a message a sysop can act on. */
    public static CarrierServer start(ServerConfig config) {
        return new CarrierServer(config);
    }

    private <T extends AutoCloseable> T own(T resource) {
        toClose.push(resource);
        return resource;
    }

    public Engine engine() {
        return engine;
    }

    public Database database() {
        return database;
    }

    /** The telnet port actually bound (useful when asked for an ephemeral one). */
    public int telnetPort() {
        return telnet.map(TelnetServer::port).orElseThrow(() -> new IllegalStateException("telnet is off"));
    }

    /** Says goodbye to every caller, stops listening, and closes the database last. */
    @Override
    public void close() {
        if (engine != null) engine.hangUpAll("*** The system is going down. Goodbye.");
        while (!toClose.isEmpty()) {
            AutoCloseable resource = toClose.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
