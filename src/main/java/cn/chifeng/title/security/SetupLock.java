package cn.chifeng.title.security;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Admin webapp's first-run setup (create the first administrator) closes for good once an administrator exists:
 * Camunda's own check counts only the current members of {@code camunda-admin}, which an administrator may later
 * change, so the closing is recorded in {@code install_state} — at start-up when an administrator exists (the demo's,
 * or {@code camunda.bpm.admin-user} from configuration), when setup creates one, and whenever the setup door is
 * knocked on while an administrator exists. Once recorded, every setup request is answered 403, on every node.
 */
@Component
public class SetupLock {
    private static final Logger LOG = LoggerFactory.getLogger(SetupLock.class);
    static final String SETUP_PATH = "/camunda/api/admin/setup/";

    private final InstallState state;
    private final IdentityService identity;
    private final cn.chifeng.title.common.StartupLock startupLock;

    SetupLock(InstallState state, IdentityService identity, cn.chifeng.title.common.StartupLock startupLock) {
        this.startupLock = startupLock;
        this.state = state;
        this.identity = identity;
    }

    /** After the demo seeder (Order 100) and the configured admin user. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(200)
    public void closeIfAdministratorExists() {
        startupLock.run("setup-lock", () -> {
            if (!state.isRecorded(InstallState.SETUP_CLOSED) && administratorExists()) {
                state.record(InstallState.SETUP_CLOSED, "an administrator existed at start-up");
                LOG.info("首次安装设置已关闭：已有系统管理员");
            }
        });
    }

    public boolean isClosed() {
        return state.isRecorded(InstallState.SETUP_CLOSED);
    }

    private boolean administratorExists() {
        return RunAs.system(identity, () -> identity.createUserQuery().memberOfGroup(Roles.ADMIN).count() > 0);
    }

    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (isClosed() || administratorExists()) {
                    state.record(InstallState.SETUP_CLOSED, "an administrator existed when setup was requested");
                    JsonErrors.write(response, 403, "SETUP_CLOSED", "首次安装设置已关闭：系统管理员已存在");
                    return;
                }
                chain.doFilter(request, response);
                if ("POST".equals(request.getMethod()) && response.getStatus() < 300) {
                    state.record(InstallState.SETUP_CLOSED, "setup created the first administrator");
                    LOG.info("首次安装设置已完成并永久关闭");
                }
            }
        };
    }
}
