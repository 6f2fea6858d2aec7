package dev.carrier.netty;

import io.netty.channel.Channel;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Why a channel is not being read from. Several parts of a pipeline stop reading for reasons of
 * their own (the output is blocked, a request is being answered, a token is being checked, typed
 * input waits for the output to drain); each names its reason, and the channel reads again only
 * once no reason is left, so none of them resumes a read another one paused.
 *
 * <p>One per channel, kept in its attributes; used on the channel's event loop only.
 */
public final class ReadSuspensions {

    private static final AttributeKey<ReadSuspensions> KEY = AttributeKey.valueOf(ReadSuspensions.class, "reasons");

    private final Channel channel;
    private final Set<String> reasons = new HashSet<>();

    private ReadSuspensions(Channel channel) {
        this.channel = channel;
    }

    /** The channel's suspensions, made on first use. */
    public static ReadSuspensions of(Channel channel) {
        Attribute<ReadSuspensions> attribute = channel.attr(KEY);
        ReadSuspensions existing = attribute.get();
        if (existing != null) return existing;
        ReadSuspensions made = new ReadSuspensions(channel);
        existing = attribute.setIfAbsent(made);
        return existing != null ? existing : made;
    }

    /** Stops reading for {@code reason}; suspending twice for the same reason is one suspension. */
    public void suspend(String reason) {
        Objects.requireNonNull(reason, "reason");
        checkEventLoop();
        if (reasons.add(reason) && reasons.size() == 1) channel.config().setAutoRead(false);
    }

    /** Withdraws {@code reason}; reading starts again when it was the last one. */
    public void resume(String reason) {
        checkEventLoop();
        if (reasons.remove(reason) && reasons.isEmpty()) channel.config().setAutoRead(true);
    }

    public boolean isSuspended() {
        return !reasons.isEmpty();
    }

    /** The reasons now, for logs and tests. */
    public Set<String> reasons() {
        return Set.copyOf(reasons);
    }

    private void checkEventLoop() {
        if (channel.isRegistered() && !channel.eventLoop().inEventLoop()) {
            throw new IllegalStateException("read suspensions change on the channel's event loop only");
        }
    }
}
