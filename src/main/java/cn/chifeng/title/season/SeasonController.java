package cn.chifeng.title.season;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.chifeng.title.common.ApiException;
import cn.chifeng.title.security.CurrentUser;

/** {@code GET/PUT /api/seasons/{year}}: the season's dates (SEA-1), for administrators. */
@RestController
@RequestMapping("/api/seasons")
class SeasonController {
    private final SeasonService seasons;
    private final CurrentUser currentUser;

    SeasonController(SeasonService seasons, CurrentUser currentUser) {
        this.seasons = seasons;
        this.currentUser = currentUser;
    }

    @GetMapping("/{year}")
    Season get(@PathVariable int year) {
        currentUser.requireAdmin();
        return seasons.find(year).orElseThrow(() -> ApiException.notFound(year + " 年度未配置"));
    }

    @PutMapping("/{year}")
    Season put(@PathVariable int year, @RequestBody Season season) {
        currentUser.requireAdmin();
        return seasons.update(year, season);
    }
}
