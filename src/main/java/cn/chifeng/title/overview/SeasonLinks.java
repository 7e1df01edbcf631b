package cn.chifeng.title.overview;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.chifeng.title.organisation.OrganisationDirectory;
import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.ReportingBodies;
import cn.chifeng.title.workbench.WorkbenchLink;

/** On the workbench of a reporting body (and of administrators): the current season at a glance, per body. */
@Component
class SeasonLinks implements WorkbenchLink {
    private final ReportingBodies bodies;
    private final SeasonService seasons;

    SeasonLinks(ReportingBodies bodies, SeasonService seasons) {
        this.bodies = bodies;
        this.seasons = seasons;
    }

    @Override
    public List<Link> links(CurrentUser user) {
        Integer year = seasons.current().map(Season::year).orElse(null);
        if (year == null) {
            return List.of();
        }
        String base = "/staff/season/" + year;
        List<Link> links = new ArrayList<>();
        List<OrganisationDirectory.Body> mine = bodies.mine();
        for (OrganisationDirectory.Body b : mine) {
            links.add(new Link(mine.size() == 1 ? base : base + "?body=" + b.id(), year + "年度评审进度一览",
                    b.name() + "：时间安排（附件4）、各环节和各旗县区的申报数"));
        }
        if (mine.isEmpty() && user.isAdmin()) {
            links.add(new Link(base, year + "年度评审进度一览", "全市：时间安排（附件4）、各环节和各旗县区的申报数"));
        }
        return links;
    }
}
