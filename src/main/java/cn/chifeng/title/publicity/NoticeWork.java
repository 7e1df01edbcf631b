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
 */
@Component("noticeWork")
public class NoticeWork {
    static final Map<String, String> KINDS = Map.of("UNIT_NOMINEES", "单位推荐人选公示", "ROSTER", "申报人员花名册公示");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Publications publications;
    private final ApplicationRepository applications;

    NoticeWork(RuntimeService runtime, IdentityService identity, Publications publications,
               ApplicationRepository applications) {
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
            refresh(group.toString(), kind.toString(), (String) execution.getVariable(
                    TitleApplicationProcess.Vars.APPLICATION_ID));
        }
    }

    /** The gateway after a publication: whether the body's task goes on (its list brought up to date). */
    public boolean stillWaiting(DelegateExecution execution) {
        String group = (String) execution.getVariable(NoticeWorkProcess.Vars.PUBLISHER_GROUP);
        String kind = (String) execution.getVariable(NoticeWorkProcess.Vars.NOTICE_KIND);
        List<ApplicationRecord> waiting = waiting(group, kind, null);
        execution.setVariables(listVariables(waiting));
        return !waiting.isEmpty();
    }

    /** Set while 发布公示's own completion publishes: its process decides at its gateway what comes next. */
    static final ThreadLocal<Boolean> FROM_TASK = ThreadLocal.withInitial(() -> false);

    /** After a publication through the API: the body's task lists what still waits, or ends. */
    void published(String group, String kind) {
        if (KINDS.containsKey(kind) && !FROM_TASK.get()) {
            refresh(group, kind, null);
        }
    }

    /** The applications waiting for the body's notice of the kind, oldest first; {@code arriving} counted too. */
    List<ApplicationRecord> waiting(String group, String kind, String arriving) {
        List<String> ids = new ArrayList<>(RunAs.system(identity, () -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(TitleApplicationProcess.KEY)
                .activityIdIn(TitleApplicationProcess.RECEIVE_STAGE_PUBLICITY)
                .variableValueEquals(TitleApplicationProcess.Vars.STAGE_PUBLICITY, kind)
                .variableValueEquals(TitleApplicationProcess.Vars.PUBLICITY_GROUP, group).list())
                .stream().map(ProcessInstance::getBusinessKey).toList());
        if (arriving != null && !ids.contains(arriving)) {
            ids.add(arriving);
        }
        // one query each for all of them: a county's roster may have hundreds waiting, and this runs at every arrival
        java.util.Set<String> published = publications.inOpenPublication(ids);
        return applications.findAll(ids).stream().filter(a -> !published.contains(a.id()))
                .sorted(java.util.Comparator.comparing(ApplicationRecord::submittedAt).thenComparing(ApplicationRecord::id))
                .toList();
    }

    private void refresh(String group, String kind, String arriving) {
        RunAs.system(identity, () -> {
            List<ApplicationRecord> waiting = waiting(group, kind, arriving);
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
