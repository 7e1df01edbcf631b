package cn.chifeng.title.overview;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.season.Season;

/**
 * 评审进度一览 ({@code /staff/season/{year}}, {@code /staff/season} the current season) on the workbench: the same
 * overview as the API, the charts as plain HTML bars (the staff pages allow no script).
 */
@Controller
class SeasonPage {
    private final SeasonOverviews overviews;

    SeasonPage(SeasonOverviews overviews) {
        this.overviews = overviews;
    }

    /** A bar of a chart: its width in percent of the longest bar of the chart. */
    record Bar(String code, String label, long count, int width) {
    }

    @GetMapping({"/staff/season", "/staff/season/"})
    String current(@RequestParam(name = "body", required = false) String body) {
        Season season = overviews.current().orElseThrow(() -> ApiException.notFound("尚未配置评审年度"));
        UriComponentsBuilder to = UriComponentsBuilder.fromPath("/staff/season/{year}");
        if (body != null && !body.isBlank()) {
            to.queryParam("body", body);
        }
        return "redirect:" + to.buildAndExpand(season.year()).encode().toUriString();
    }

    @GetMapping("/staff/season/{year}")
    String season(@PathVariable("year") String year, @RequestParam(name = "body", required = false) String body,
                  Model model) {
        SeasonOverview o = overviews.of(year, body);
        model.addAttribute("o", o);
        model.addAttribute("stageBars", bars(o.byStage()));
        model.addAttribute("countyBars", bars(o.byCounty()));
        return "staff/season";
    }

    static List<Bar> bars(List<SeasonOverview.Count> counts) {
        long most = counts.stream().mapToLong(SeasonOverview.Count::count).max().orElse(0);
        return counts.stream().map(c -> new Bar(c.code(), c.label(), c.count(),
                most == 0 ? 0 : (int) Math.round(100.0 * c.count() / most))).toList();
    }

    /** A refusal is the workbench's Chinese message page with its status, not the API's JSON. */
    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e) {
        return cn.chifeng.title.workbench.WorkbenchErrors.page(e);
    }
}
