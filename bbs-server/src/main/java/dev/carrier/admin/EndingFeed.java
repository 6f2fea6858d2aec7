package dev.carrier.admin;

import java.util.concurrent.CountDownLatch;

/**
 * A feed that ends once: when stopped, or when its source calls {@link #end()} (the server went
 * away). Safe from any thread.
 */
final class EndingFeed implements Admin.Feed {

    private final Runnable onStop;
    private final CountDownLatch ended = new CountDownLatch(1);

    /** @param onStop what stops the events coming (unsubscribe, close the stream) */
    EndingFeed(Runnable onStop) {
        this.onStop = onStop;
    }

    /** The source has no more events. */
    void end() {
        ended.countDown();
    }

    @Override
    public void stop() {
        onStop.run();
        end();
    }

    @Override
    public void await() throws InterruptedException {
        ended.await();
    }

    @Override
    public boolean ended() {
        return ended.getCount() == 0;
    }
}
