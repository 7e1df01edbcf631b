package cn.chifeng.title.demo;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.chifeng.title.application.ApplicationRepository;
import cn.chifeng.title.application.ApplicationService;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonRepository;
import cn.chifeng.title.season.SeasonService;

/**
 * Demo profile only ({@code title.demo.enabled}): a user per organisation (user id = group id, password
 * {@code demo}), five applicants, a season whose application window contains today, the expert pools of the
 * committees the samples reach ({@code demo/experts/*.csv}), and sample applications at different stages. Safe to
 * re-run: it only adds what is missing.
 */
@Component
@ConditionalOnProperty(name = "title.demo.enabled", havingValue = "true")
class DemoDataSeeder {
    static final String PASSWORD = "demo";
    static final List<String[]> APPLICANTS = List.of(
            new String[] {"applicant1", "张", "伟"}, new String[] {"applicant2", "王", "芳"},
            new String[] {"applicant3", "李", "娜"}, new String[] {"applicant4", "刘", "洋"},
            new String[] {"applicant5", "陈", "静"}, new String[] {"applicant6", "赵", "敏"},
            new String[] {"applicant7", "孙", "强"});
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final IdentityService identity;
    private final TaskService tasks;
    private final OrganisationDirectory organisations;
    private final SeasonService seasons;
    private final SeasonRepository seasonRepository;
    private final ApplicationService applications;
    private final cn.chifeng.title.material.MaterialService materials;
    private final ApplicationRepository register;
    private final String port;
    private final cn.chifeng.title.security.ApplicantAccounts applicantAccounts;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final org.camunda.bpm.engine.ManagementService management;
    private final cn.chifeng.title.publicity.PublicityService publicity;
    private final DemoExperts experts;
    private final cn.chifeng.title.common.StartupLock startupLock;

    DemoDataSeeder(IdentityService identity, TaskService tasks, OrganisationDirectory organisations,
                   SeasonService seasons, SeasonRepository seasonRepository, ApplicationService applications,
                   ApplicationRepository register, @Value("${local.server.port:${server.port:8080}}") String port,
                   org.camunda.bpm.engine.RuntimeService runtime, org.camunda.bpm.engine.ManagementService management,
                   cn.chifeng.title.publicity.PublicityService publicity,
                   cn.chifeng.title.security.ApplicantAccounts applicantAccounts,
                   cn.chifeng.title.expert.ExpertPoolService expertPoolService,
                   cn.chifeng.title.expert.ExpertPool expertPool,
                   cn.chifeng.title.material.MaterialService materials,
                   cn.chifeng.title.common.StartupLock startupLock) {
        this.startupLock = startupLock;
        this.materials = materials;
        this.applicantAccounts = applicantAccounts;
        this.experts = new DemoExperts(expertPoolService, expertPool, organisations, identity);
        this.runtime = runtime;
        this.management = management;
        this.publicity = publicity;
        this.identity = identity;
        this.tasks = tasks;
        this.organisations = organisations;
        this.seasons = seasons;
        this.seasonRepository = seasonRepository;
        this.applications = applications;
        this.register = register;
        this.port = port;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void seed() {
        // a second node starting at the same moment waits, then finds the users, season and samples there
        int year = startupLock.call("demo-data", this::seedMissing);
        LOG.info(BANNER, port, port, port, year);
    }

    private int seedMissing() {
        organisations.bodies().forEach(b -> user(b.id(), b.name(), "审核员", b.id()));
        // the seed units only: a unit registered on the portal has its clerk's account, not a demo password
        organisations.seedEmployers().forEach(e -> user(e.group(), e.name(), "审核员", e.group()));
        user("supervisor", "纪检", "监督员", cn.chifeng.title.security.Roles.SUPERVISORS);
        APPLICANTS.forEach(a -> applicantAccounts.create(a[0], a[2], a[1], PASSWORD, a[0] + "@demo.chifeng.invalid"));
        int year = demoSeason();
        experts.load();
        if (register.count(new ApplicationRepository.Filter(year, null, null, true, null, List.of())) == 0) {
            new DemoApplications(identity, tasks, applications, organisations, runtime, management, publicity,
                    materials)
                    .create(year);
        }
        return year;
    }

    private static final String BANNER = """

                ================ 赤峰市职称评审（演示） ================
                申报门户 Portal   : http://localhost:{}/portal/ （申报人注册、申报、材料、进度；公示公告；演示邮箱 /portal/demo-mailbox）
                任务列表 Tasklist : http://localhost:{}/camunda/app/tasklist/
                运维 Cockpit      : http://localhost:{}/camunda/app/cockpit/
                管理员            : demo / demo
                审核人（用户名=机构代码，密码 demo）: 例如 hongshan-hr（红山区人社局）、ningcheng-hr（宁城县人社局）、
                                   city-hr（市人社局）、unit-nc-hospital（宁城县中心医院）、cmte-health-city（卫生评委会办事机构）
                申报人            : applicant1 … applicant7 / demo（门户登录或申报接口 /api/applications），或在门户自行注册
                监督（只读运维）  : supervisor / demo
                演示评审年度      : {}
                =======================================================""";

    private void user(String id, String firstName, String lastName, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setFirstName(firstName);
            u.setLastName(lastName);
            u.setPassword(PASSWORD);
            u.setEmail(id + "@demo.chifeng.invalid");
            identity.saveUser(u);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    /** A season whose application window contains today, so that a new user can submit at once. */
    private int demoSeason() {
        LocalDate today = seasons.today();
        int year = today.getYear();
        if (seasons.find(year).isPresent() && !seasonRepository.isDemo(year)) {
            year++;
        }
        Season existing = seasons.find(year).orElse(null);
        if (existing == null || !existing.applicationWindowContains(today)) {
            seasonRepository.save(new Season(year, today.minusDays(30), today.plusDays(30), today.plusDays(40),
                    today.plusDays(50), today.plusDays(120), null), true);
        }
        return year;
    }
}
