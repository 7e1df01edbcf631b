package cn.chifeng.title.security;

import cn.chifeng.title.process.TitleApplicationProcess.Vars;

import static cn.chifeng.title.support.Dossiers.dossier;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.chifeng.title.application.ApplicationRecord;
import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.support.Http;
import cn.chifeng.title.support.IntegrationTestBase;

/**
 * The threat model of the product, one test class per kind of attack: each attack is made through the real HTTP
 * stack as the role that would try it, and each test asserts the refusal and that nothing changed.
 */
abstract class SecurityTestBase extends IntegrationTestBase {
    @Autowired
    protected TestRestTemplate rest;
    @LocalServerPort
    protected int port;
    @Autowired
    protected ApplicationService applications;
    @Autowired
    protected ApplicationRepository register;

    protected Http http() {
        return Http.to(rest, port);
    }

    /** A new applicant's 宁城县中心医院 application (unit → 宁城县卫健委 → 宁城县人社局 → …), submitted via the API. */
    protected ApplicationRecord submitted(String applicant) {
        users.applicant(applicant);
        return users.api(applicant, () -> applications.submit(dossier().build()));
    }

    /** Approves the current task as the body that holds it, passing the stage notice if one follows. */
    protected void approve(ApplicationRecord a) {
        Task t = task(a);
        String group = engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
        users.as(users.reviewer(group), () -> engine.getTaskService().complete(t.getId(),
                Map.of(Vars.DECISION, "APPROVE", Vars.ATTESTED, true)));
        notices.passIfWaiting(a.processInstanceId());
    }

    /** An application waiting at 宁城县人社局 (ningcheng-hr). */
    protected ApplicationRecord atTheCountyBureau(String applicant) {
        ApplicationRecord a = submitted(applicant);
        approve(a);
        approve(a);
        return a;
    }

    protected Task task(ApplicationRecord a) {
        return engine.getTaskService().createTaskQuery().processInstanceId(a.processInstanceId()).singleResult();
    }

    /** The instance's variables, each as its text (Json values compare by their text). */
    protected Map<String, Object> variables(ApplicationRecord a) {
        Map<String, Object> text = new java.util.TreeMap<>();
        engine.getRuntimeService().getVariables(a.processInstanceId()).forEach((k, v) -> text.put(k, String.valueOf(v)));
        return text;
    }

    protected ApplicationRecord reread(ApplicationRecord a) {
        return register.find(a.id()).orElseThrow();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    protected static List<String> names(List<Map<String, Object>> items, String key) {
        return items.stream().map(i -> String.valueOf(i.get(key))).toList();
    }
}
