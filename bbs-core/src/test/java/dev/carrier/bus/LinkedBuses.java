package dev.carrier.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Several servers' buses in one test, without a broker: each server has its own
 * {@link InProcessBus}, and whatever is published on one that is not a {@link LocalMessage} is
 * delivered on all of them, in one order (through one {@link SerialDrain}), as a clustered bus
 * would. Local messages stay on the bus they were published on. {@link #cut} and {@link #mend}
 * stand for a link that goes down: while cut, a server's replicated messages reach only itself.
 */
public final class LinkedBuses {

    private final List<Server> servers = new ArrayList<>();
    /** While not null, the link is slow: replicated messages wait here, in order, until {@link #release}. */
    private List<Object[]> held;
    private final SerialDrain<Object[]> order = new SerialDrain<>(this::fanOut);

    /** A new server's bus on the shared link. */
    public Bus add() {
        Server server = new Server();
        servers.add(server);
        return server;
    }

    /** Cuts a server's link: its replicated messages reach itself only, and it hears no one. */
    public void cut(Bus bus) {
        ((Server) bus).cut = true;
    }

    public void mend(Bus bus) {
        ((Server) bus).cut = false;
    }

    /**
     * Holds every replicated message in the link until {@link #release}, as a slow broker would:
     * servers act on what they know meanwhile, then all hear the held messages in one order.
     */
    public synchronized void hold() {
        held = new ArrayList<>();
    }

    public void release() {
        List<Object[]> waiting;
        synchronized (this) {
            waiting = held;
            held = null;
        }
        if (waiting != null) waiting.forEach(order::offer);
    }

    private synchronized boolean heldBack(Object[] sent) {
        if (held == null) return false;
        held.add(sent);
        return true;
    }

    private void fanOut(Object[] sent) {
        Server from = (Server) sent[0];
        BusMessage message = (BusMessage) sent[1];
        for (Server server : servers) {
            if (server == from || !server.cut) server.local.publish(message);
        }
    }

    private final class Server implements Bus {
        final InProcessBus local = new InProcessBus();
        volatile boolean cut;

        @Override
        public void publish(BusMessage message) {
            if (message instanceof LocalMessage || cut) local.publish(message);
            else {
                Object[] sent = {this, message};
                if (!heldBack(sent)) order.offer(sent);
            }
        }

        @Override
        public boolean linked() {
            return !cut;
        }

        @Override
        public Subscription subscribe(Consumer<BusMessage> subscriber) {
            return local.subscribe(subscriber);
        }
    }
}
