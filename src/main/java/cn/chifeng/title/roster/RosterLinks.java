package cn.chifeng.title.roster;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.chifeng.title.season.Season;
import cn.chifeng.title.season.SeasonService;
import cn.chifeng.title.security.CurrentUser;
import cn.chifeng.title.security.ReportingBodies;
import cn.chifeng.title.workbench.WorkbenchLink;

/** On the workbench of a reporting body's reviewer: this season's rosters and statistics of each of their bodies. */
@Component
class RosterLinks implements WorkbenchLink {
    private final ReportingBodies bodies;
    private final SeasonService seasons;

    RosterLinks(ReportingBodies bodies, SeasonService seasons) {
        this.bodies = bodies;
        this.seasons = seasons;
    }

    @Override
    public List<Link> links(CurrentUser user) {
        Integer year = seasons.current().map(Season::year).orElse(null);
        if (year == null) {
            return List.of();
        }
        List<Link> links = new ArrayList<>();
        bodies.mine().forEach(b -> {
                    String base = "/staff/reports/" + year + "/";
                    String of = "?body=" + b.id();
                    for (RosterBand band : RosterBand.values()) {
                        links.add(new Link(base + "rosters/" + band.name() + ".xlsx" + of,
                                year + "年花名册（" + band.label() + "）", b.name() + "报送的申报人员花名册（附件2），Excel"));
                    }
                    links.add(new Link(base + "health-roster.xlsx" + of, year + "年卫生系统高级花名册",
                            b.name() + "的卫生系列高级申报（卫生系统用表），Excel"));
                    links.add(new Link(base + "statistics.xlsx" + of, year + "年岗位数及申报人数统计表",
                            b.name() + "的附件3统计表，超岗的行标出，Excel"));
                });
        return links;
    }
}
