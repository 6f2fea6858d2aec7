package dev.carrier.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The services this server offers, by sentinel id. Filled once at wiring time, then read-only. */
public final class ServiceCatalog {

    private final Map<String, Service> services;

    private ServiceCatalog(Map<String, Service> services) {
        this.services = Collections.unmodifiableMap(services);
    }

    public static ServiceCatalog of(Service... services) {
        Map<String, Service> byId = new LinkedHashMap<>();
        for (Service service : services) {
            if (byId.put(service.id(), service) != null) {
                throw new IllegalArgumentException("service registered twice: " + service.id());
            }
        }
        return new ServiceCatalog(byId);
    }

    public Optional<Service> find(String id) {
        return Optional.ofNullable(services.get(id));
    }

    /** Why a menu may not open service {@code id} at {@code place}; empty when it may. */
    public Optional<String> placeRefusal(String id, String place) {
        Optional<Service.Placed> placed = find(id).flatMap(Service::placed);
        return placed.isEmpty() ? Optional.of("service " + id + " opens at no named place")
                : placed.get().refusal(place);
    }

    public Set<String> ids() {
        return services.keySet();
    }
}
