package dev.carrier.session;

import dev.carrier.auth.Authenticator;
import dev.carrier.auth.LoginGate;
import dev.carrier.auth.LoginLimits;
import dev.carrier.auth.LoginThrottle;
import dev.carrier.auth.PasswordWork;
import dev.carrier.bus.InProcessBus;
import dev.carrier.login.Reception;
import dev.carrier.menu.MenuLoader;
import dev.carrier.menu.MenuSource;
import dev.carrier.menu.MenuStage;
import dev.carrier.menu.Menus;
import dev.carrier.presence.Presence;
import dev.carrier.runtime.ThreadScheduler;
import dev.carrier.runtime.Workers;
import dev.carrier.store.Database;
import dev.carrier.user.BcryptPasswordHasher;
import dev.carrier.user.SqliteUserStore;
import dev.carrier.presence.SqlitePresenceStore;
import dev.carrier.who.ProfileCard;
import dev.carrier.who.WhoDirectory;
import dev.carrier.who.WhoStage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** An engine over a real SQLite file in a temporary folder, with the shipped-style menus. */
public final class TestEngine implements AutoCloseable {

    private final Database database;
    private final Workers workers = new Workers(2, 100);
    private final ThreadScheduler scheduler = new ThreadScheduler();
    private final PasswordWork passwordWork = new PasswordWork(2, 16);
    private final SessionHost host;

    public TestEngine(Path dataDir, Path menusDir, EngineConfig config) {
        database = Database.open(dataDir);
        SqliteUserStore users = new SqliteUserStore(database);
        Nodes nodes = new Nodes(config.maxNodes());
        InProcessBus bus = new InProcessBus();
        Presence presence = new Presence(bus, Clock.systemUTC(), Duration.ofMinutes(15));
        SqlitePresenceStore seen = new SqlitePresenceStore(database);
        ServiceCatalog services = ServiceCatalog.of(
                WhoStage.service(new WhoDirectory(presence, nodes, seen, workers, Clock.systemUTC()),
                        new ProfileCard(users, seen, presence, workers, Clock.systemUTC()), bus),
                GoodbyeStage.service(config.bbsName()));
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);
        LoginGate gate = new LoginGate(new LoginThrottle(LoginLimits.defaults(), Clock.systemUTC()), passwordWork,
                new Authenticator(users, hasher, Clock.systemUTC()));
        Menus menus = new MenuLoader(MenuSource.folder(menusDir), services.ids()).load();
        Reception reception = new Reception(gate, users, hasher, workers, Clock.systemUTC(), menus.banner(), config,
                MenuStage.main(menus, services));
        host = new SessionHost(config, Clock.systemUTC(), scheduler, nodes, reception.firstStage());
    }

    public static EngineConfig fastConfig() {
        return EngineConfig.defaults().withLoginFailureDelay(Duration.ofMillis(20));
    }

    public SessionHost host() {
        return host;
    }

    @Override
    public void close() {
        workers.close();
        passwordWork.close();
        scheduler.close();
        database.close();
    }
}
