package dev.carrier.session;

/** {@code __goodbye__}: thanks the caller and hangs up. */
public final class GoodbyeStage implements Stage {

    public static final String ID = "__goodbye__";

    private static final StageTraits TRAITS = StageTraits.of(SessionState.GOODBYE, "Logging off");

    private final Session session;
    private final String bbsName;

    public GoodbyeStage(Session session, String bbsName) {
        this.session = session;
        this.bbsName = bbsName;
    }

    public static Service service(String bbsName) {
        return new Service(ID, session -> new GoodbyeStage(session, bbsName));
    }

    @Override
    public StageTraits traits() {
        return TRAITS;
    }

    @Override
    public void enter() {
        String who = session.user().map(user -> ", " + user.handle()).orElse("");
        session.writeLine("Goodbye" + who + ". Thanks for calling " + bbsName + "!");
        session.hangUp();
    }

    @Override
    public void onLine(String line) {
        // Hanging up; nothing more is read.
    }
}
