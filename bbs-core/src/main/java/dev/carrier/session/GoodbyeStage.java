package dev.carrier.session;

/** {@code __goodbye__}: thanks the caller and hangs up. */
public final class GoodbyeStage implements Stage {

    public static final String ID = "__goodbye__";

    private final Session session;

    public GoodbyeStage(Session session) {
        this.session = session;
    }

    public static Service service() {
        return new Service(ID, GoodbyeStage::new);
    }

    @Override
    public SessionState state() {
        return SessionState.GOODBYE;
    }

    @Override
    public String activity() {
        return "Logging off";
    }

    @Override
    public void enter() {
        String who = session.user().map(user -> ", " + user.handle()).orElse("");
        session.writeLine("Goodbye" + who + ". Thanks for calling " + session.engine().config().bbsName() + "!");
        session.hangUp();
    }

    @Override
    public void onLine(String line) {
        // Hanging up; nothing more is read.
    }
}
