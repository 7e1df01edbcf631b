package cn.chifeng.title.publicity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.process.NoticeWorkProcess;
import cn.chifeng.title.process.TitleApplicationProcess;
import cn.chifeng.title.security.RunAs;

/**
 * Notices as work: while applications of a body wait for its unit or roster notice, the body has one open 发布公示
 * task per kind ({@code notice-work}), listing the applications waiting now. Kept up to date when an application
 * arrives at the notice and after every publication; ended when none waits.
 * <p>
 * The list is one variable of the body's task that every arrival rewrites. It is brought up to date <em>after</em>
 * the arriving application's transaction has committed, in a transaction of its own, one body and kind at a time
 * (a row lock of {@code notice_work_lock}, on every node): so a reviewer's approval never fails because a colleague
 * approved another application of the same body at the same moment, and two first arrivals never open two tasks.
 * Should the refresh fail all the same (or the node stop just then), the next arrival or publication brings the
 * list up to date; publishing from the task checks again what still waits.
 */
@Component("noticeWork")
public class NoticeWork {
    static final Map<String, String> KINDS = Map.of("UNIT_NOMINEES", "单位推荐人选公示", "ROSTER", "申报人员花名册公示");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Publications publications;
    private final ApplicationRepository applications;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NoticeWork.class);
    private static final int ATTEMPTS = 5;
    private final cn.chifeng.title.common.RowLock lock;

    NoticeWork(RuntimeService runtime, IdentityService identity, Publications publications,
               ApplicationRepository applications,
               org.springframework.transaction.PlatformTransactionManager transactions,
               org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.lock = new cn.chifeng.title.common.RowLock(jdbc, transactions, "notice_work_lock", "notice_key",
                java.time.Duration.ofSeconds(5));
        this.runtime = runtime;
        this.identity = identity;
        this.publications = publications;
        this.applications = applications;
    }

    /** An application starts waiting for its stage notice (listener of {@code Receive_StagePublicity}). */
    public void arrived(DelegateExecution execution) {
        Object kind = execution.getVariable(TitleApplicationProcess.Vars.STAGE_PUBLICITY);
        Object group = execution.getVariable(TitleApplicationProcess.Vars.PUBLICITY_GROUP);
        if (kind != null && group != null && KINDS.containsKey(kind.toString())) {
            afterCommit(group.toString(), kind.toString());
        }
    }

    /** The gateway after a publication: whether the body's task goes on (its list brought up to date). */
    public boolean stillWaiting(DelegateExecution execution) {
        String group = (String) execution.getVariable(NoticeWorkProcess.Vars.PUBLISHER_GROUP);
        String kind = (String) execution.getVariable(NoticeWorkProcess.Vars.NOTICE_KIND);
        List<ApplicationRecord> waiting = waiting(group, kind);
        execution.setVariables(listVariables(waiting));
        return !waiting.isEmpty();
    }

    /** Set while 发布公示's own completion publishes: its process decides at its gateway what comes next. */
    static final ThreadLocal<Boolean> FROM_TASK = ThreadLocal.withInitial(() -> false);

    /** After a publication through the API: the body's task lists what still waits, or ends. */
    void published(String group, String kind) {
        if (KINDS.containsKey(kind) && !FROM_TASK.get()) {
            afterCommit(group, kind);
        }
    }

    private static final Object PENDING = new Object();

    /** Refreshes the body's task once the current transaction has committed (at once when there is none). */
    @SuppressWarnings("unchecked")
    private void afterCommit(String group, String kind) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            refreshInOwnTransaction(group, kind);
            return;
        }
        java.util.Set<List<String>> pending = (java.util.Set<List<String>>)
                org.springframework.transaction.support.TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            java.util.Set<List<String>> mine = new java.util.LinkedHashSet<>();
            org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(PENDING, mine);
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            org.springframework.transaction.support.TransactionSynchronizationManager
                                    .unbindResourceIfPossible(PENDING);
                            if (status == STATUS_COMMITTED) {
                                mine.forEach(k -> refreshInOwnTransaction(k.get(0), k.get(1)));
                            }
                        }
                    });
            pending = mine;
        }
        pending.add(List.of(group, kind));
    }

    /** One body and kind at a time on every node; a conflict with the task's own gateway is tried again. */
    private void refreshInOwnTransaction(String group, String kind) {
        String key = NoticeWorkProcess.businessKey(kind, group);
        for (int attempt = 1; ; attempt++) {
            try {
                lock.run(key, () -> refresh(group, kind));
                return;
            } catch (org.camunda.bpm.engine.OptimisticLockingException
                     | org.springframework.dao.ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    LOG.warn("发布公示待办 {} 未能更新（{} 次冲突），下一件到达或发布时再更新", key, ATTEMPTS, e);
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn("发布公示待办 {} 未能更新，下一件到达或发布时再更新", key, e);
                return;
            }
        }
    }

    /** The applications waiting for the body's notice of the kind, oldest first. */
    List<ApplicationRecord> waiting(String group, String kind) {
        List<String> ids = new ArrayList<>(RunAs.system(identity, () -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(TitleApplicationProcess.KEY)
                .activityIdIn(TitleApplicationProcess.RECEIVE_STAGE_PUBLICITY)
                .variableValueEquals(TitleApplicationProcess.Vars.STAGE_PUBLICITY, kind)
                .variableValueEquals(TitleApplicationProcess.Vars.PUBLICITY_GROUP, group).list())
                .stream().map(ProcessInstance::getBusinessKey).toList());
        // one query each for all of them: a county's roster may have hundreds waiting, and this runs at every arrival
        java.util.Set<String> published = publications.inOpenPublication(ids);
        return applications.findAll(ids).stream().filter(a -> !published.contains(a.id()))
                .sorted(java.util.Comparator.comparing(ApplicationRecord::submittedAt).thenComparing(ApplicationRecord::id))
                .toList();
    }

    private void refresh(String group, String kind) {
        RunAs.system(identity, () -> {
            List<ApplicationRecord> waiting = waiting(group, kind);
            String key = NoticeWorkProcess.businessKey(kind, group);
            ProcessInstance open = runtime.createProcessInstanceQuery().processDefinitionKey(NoticeWorkProcess.KEY)
                    .processInstanceBusinessKey(key).active().list().stream().findFirst().orElse(null);
            if (waiting.isEmpty()) {
                if (open != null) {
                    runtime.deleteProcessInstance(open.getId(), "等待公示的申报都已列入公示", true, true);
                }
            } else if (open == null) {
                Map<String, Object> v = listVariables(waiting);
                v.put(NoticeWorkProcess.Vars.PUBLISHER_GROUP, group);
                v.put(NoticeWorkProcess.Vars.NOTICE_KIND, kind);
                v.put(NoticeWorkProcess.Vars.KIND_LABEL, KINDS.get(kind));
                runtime.startProcessInstanceByKey(NoticeWorkProcess.KEY, key, v);
            } else {
                runtime.setVariables(open.getId(), listVariables(waiting));
            }
            return null;
        });
    }

    private static Map<String, Object> listVariables(List<ApplicationRecord> waiting) {
        List<Map<String, String>> options = new ArrayList<>();
        for (ApplicationRecord a : waiting) {
            Map<String, String> o = new LinkedHashMap<>();
            o.put("label", a.id() + " " + a.applicantName() + "（" + a.employerName() + "）");
            o.put("value", a.id());
            options.add(o);
        }
        Map<String, Object> v = new LinkedHashMap<>();
        try {
            v.put(NoticeWorkProcess.Vars.WAITING_OPTIONS, org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                    JSON.writeValueAsString(options)).create());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        v.put(NoticeWorkProcess.Vars.WAITING_COUNT, waiting.size());
        return v;
    }
}
