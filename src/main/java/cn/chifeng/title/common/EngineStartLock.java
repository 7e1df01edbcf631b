package cn.chifeng.title.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine's own start on a shared PostgreSQL, one node at a time: Camunda creates or upgrades its tables
 * ({@code schema-update}) and the configured administrator while the engine is built, and two nodes doing so at the
 * same moment on an empty database both run {@code create table} — one of them fails. A PostgreSQL session lock
 * ({@code pg_advisory_lock}) is taken before the build and released after every other plugin's
 * {@code postProcessEngineBuild} (this plugin is ordered last), so the second node waits and then finds the tables.
 * On H2 (one node by nature) it does nothing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class EngineStartLock implements ProcessEnginePlugin {
    /** An arbitrary key of the product's own, in PostgreSQL's one namespace of advisory locks. */
    static final long KEY = 0x7469746c65L; // "title"
    private static final Logger LOG = LoggerFactory.getLogger(EngineStartLock.class);

    private final DataSource dataSource;
    private Connection held;

    EngineStartLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection c = dataSource.getConnection();
            if (!c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                c.close();
                return;
            }
            c.setAutoCommit(true);
            long waitStart = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock(" + KEY + ")");
            }
            long waited = (System.nanoTime() - waitStart) / 1_000_000;
            if (waited > 500) {
                LOG.info("另一节点正在启动流程引擎（建表或升级）：已等待 {} 毫秒", waited);
            }
            held = c;
        } catch (SQLException e) {
            throw new IllegalStateException("无法取得流程引擎启动锁", e);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public synchronized void postProcessEngineBuild(ProcessEngine engine) {
        if (held == null) {
            return;
        }
        try (Connection c = held; Statement s = c.createStatement()) {
            s.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            LOG.warn("释放流程引擎启动锁失败（连接关闭时自动释放）：{}", e.getMessage());
        } finally {
            held = null;
        }
    }
}
