package dev.carrier.menu;

import dev.carrier.session.InputMode;
import dev.carrier.session.Service;
import dev.carrier.session.Session;
import dev.carrier.session.SessionState;
import dev.carrier.session.Stage;
import dev.carrier.user.User;

/** A menu on screen: one key (with or without Enter, in either case) picks an entry. */
public final class MenuStage implements Stage {

    private final Session session;
    private final Menu menu;

    public MenuStage(Session session, Menu menu) {
        this.session = session;
        this.menu = menu;
    }

    /** The main menu, where a caller lands after logging in. */
    public static MenuStage main(Session session) {
        return new MenuStage(session, session.engine().menus().main());
    }

    @Override
    public SessionState state() {
        return SessionState.MENU;
    }

    @Override
    public String activity() {
        return "Main Menu".equals(menu.title()) ? "Main Menu" : "Menu: " + menu.title();
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
            session.moveTo(new MenuStage(session, session.engine().menus().find(entry.get().menu().get())
                    .orElseThrow()));
            return;
        }
        Service service = session.engine().services().find(entry.get().service().orElseThrow()).orElseThrow();
        session.moveTo(service.opener().open(session));
    }
}
