package dev.carrier.sysop;

/** The connections of users that are not terminals (JSON clients), as a kick reaches them. */
public interface AppConnections {

    AppConnections NONE = new AppConnections() {
        @Override
        public int count(String handle) {
            return 0;
        }

        @Override
        public int close(String handle, String reason) {
            return 0;
        }
    };

    /** How many the user has open. */
    int count(String handle);

    /** Closes every one of the user's, telling them why; how many were open. */
    int close(String handle, String reason);
}
