package dev.carrier.menu;

import dev.carrier.session.InputMode;
import dev.carrier.session.Service;
import dev.carrier.session.ServiceCatalog;
import dev.carrier.session.Session;
import dev.carrier.session.SessionState;
import dev.carrier.session.Stage;
import dev.carrier.session.StageTraits;
import dev.carrier.user.User;
import java.util.Optional;

/** A menu on screen: one key (with or without Enter, in either case) picks an entry. */
public final class MenuStage implements Stage {

    private final Session session;
    private final Menu menu;
    private final Menus menus;
    private final ServiceCatalog services;
    private final StageTraits traits;

    /** @param menus    where an entry naming another menu finds it
     *  @param services where an entry naming a service finds it */
    public MenuStage(Session session, Menu menu, Menus menus, ServiceCatalog services) {
        this.session = session;
        this.menu = menu;
        this.menus = menus;
        this.services = services;
        this.traits = StageTraits.of(SessionState.MENU,
                "Main Menu".equals(menu.title()) ? "Main Menu" : "Menu: " + menu.title());
    }

    /** Opens the main menu, where a caller lands after logging in. */
    public static Service.Opener main(Menus menus, ServiceCatalog services) {
        return session -> new MenuStage(session, menus.main(), menus, services);
    }

    @Override
    public StageTraits traits() {
        return traits;
    }

    @Override
    public void enter() {
        session.write(menu.render(isSysop()));
        showPrompt();
    }

    private void showPrompt() {
        session.prompt(menu.prompt(), InputMode.HOTKEY);
    }

    @Override
    public void onLine(String line) {
        if (line.isBlank()) {
            showPrompt();
        } else {
            onKey(line.strip().charAt(0));
        }
    }

    /**
     * What the menu shows and takes. The sysop service behind a sysop entry checks the rights
     * again itself, against the database, when it opens.
     */
    private boolean isSysop() {
        return session.user().map(User::sysop).orElse(false);
    }

    @Override
    public void onKey(char key) {
        var entry = menu.entryFor(key, isSysop());
        if (entry.isEmpty()) {
            session.writeLine("No such choice: " + key + ". Pick one of the keys in brackets.");
            showPrompt();
            return;
        }
        if (entry.get().menu().isPresent()) {
            session.moveTo(new MenuStage(session, menus.find(entry.get().menu().get()).orElseThrow(), menus,
                    services));
            return;
        }
        Service service = services.find(entry.get().service().orElseThrow()).orElseThrow();
        Optional<String> place = entry.get().place();
        session.moveTo(place.isPresent() ? service.placed().orElseThrow().open(session, place.get())
                : service.opener().open(session));
    }
}
