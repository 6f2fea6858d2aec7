package dev.carrier.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrier.admin.AdminViews.AuditView;
import dev.carrier.admin.AdminViews.NodeView;
import dev.carrier.admin.AdminViews.StatusView;
import dev.carrier.json.Json;
import dev.carrier.web.SysopDesk;
import java.util.List;
import java.util.function.Function;

/**
 * The sysop dashboard's server side: the same {@link Admin} the carrier command uses, acting as
 * {@code web:HANDLE} so the audit log says which sysop kicked from the browser, plus the last hour.
 */
public final class SysopDashboard implements SysopDesk {

    static final int AUDIT_ROWS = 20;

    /** What {@code GET /api/sysop/dashboard} answers. */
    record Dashboard(StatusView status, List<NodeView> nodes, LastHour.Series lastHour, List<AuditView> audit) {}

    private final Function<String, Admin> adminFor;
    private final LastHour lastHour;

    /** @param adminFor the running server's {@link Admin} acting for the named actor */
    public SysopDashboard(Function<String, Admin> adminFor, LastHour lastHour) {
        this.adminFor = adminFor;
        this.lastHour = lastHour;
    }

    @Override
    public JsonNode dashboard(String sysop) {
        try (Admin admin = adminFor.apply(actor(sysop))) {
            return Json.MAPPER.valueToTree(new Dashboard(admin.status(), admin.who().nodes(), lastHour.series(),
                    admin.audit(AUDIT_ROWS)));
        }
    }

    @Override
    public JsonNode kick(String sysop, int node) {
        try (Admin admin = adminFor.apply(actor(sysop))) {
            return Json.MAPPER.valueToTree(admin.kick(String.valueOf(node), null));
        } catch (AdminException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String actor(String sysop) {
        return "web:" + sysop;
    }
}
