package cn.chifeng.title.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import cn.chifeng.title.expert.Expert;
import cn.chifeng.title.expert.ExpertPool;
import cn.chifeng.title.expert.ExpertPoolService;
import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.organisation.OrganisationDirectory.BodyKind;

/**
 * The demo committees' expert pools: {@code demo/experts/<committee>.csv}, imported as an office imports its list
 * (the same import, so a re-run updates and changes nothing), and, while a committee has no specialties yet, the
 * specialties of its experts; each expert's 登录账号 becomes a demo user (password demo) in group {@code experts}.
 */
class DemoExperts {
    private static final Logger LOG = LoggerFactory.getLogger(DemoExperts.class);

    private final ExpertPoolService service;
    private final ExpertPool pool;
    private final OrganisationDirectory organisations;

    private final org.camunda.bpm.engine.IdentityService identity;

    DemoExperts(ExpertPoolService service, ExpertPool pool, OrganisationDirectory organisations,
                org.camunda.bpm.engine.IdentityService identity) {
        this.identity = identity;
        this.service = service;
        this.pool = pool;
        this.organisations = organisations;
    }

    void load() {
        Resource[] files;
        try {
            files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/experts/*.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Resource file : files) {
            String committee = file.getFilename().substring(0, file.getFilename().length() - ".csv".length());
            if (organisations.body(committee).filter(b -> b.kind() == BodyKind.COMMITTEE_OFFICE).isEmpty()) {
                LOG.warn("演示专家库 {} 不是评委会办事机构，已跳过", file.getFilename());
                continue;
            }
            try {
                ExpertPoolService.Counts counts = service.importFile(committee, file.getContentAsByteArray(),
                        file.getFilename());
                LOG.info("演示专家库 {}: 新增 {}，已有 {}（其中变更 {}）", committee, counts.inserted(), counts.updated(),
                        counts.changed());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Expert e : pool.active(committee)) {
                if (e.account() != null && identity.createUserQuery().userId(e.account()).count() == 0) {
                    org.camunda.bpm.engine.identity.User u = identity.newUser(e.account());
                    // as the other demo users: surname, then given name (Tasklist shows "雷 树林")
                    u.setFirstName(e.name().substring(0, 1));
                    u.setLastName(e.name().substring(1));
                    u.setPassword(DemoDataSeeder.PASSWORD);
                    identity.saveUser(u);
                    identity.createMembership(e.account(), cn.chifeng.title.security.Roles.EXPERTS);
                }
            }
            if (pool.specialties(committee).isEmpty()) {
                List<String> specialties = pool.active(committee).stream().map(Expert::specialty).distinct().toList();
                service.replaceSpecialties(committee, specialties);
            }
        }
    }
}
