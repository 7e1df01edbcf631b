package cn.chifeng.title.review;

import cn.chifeng.title.application.ReviewTrail;

import cn.chifeng.title.process.TitleApplicationProcess;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Running applications of earlier versions kept the trail as a growing string variable ({@code trailDisplay}); at
 * start each gets the Json {@code reviewTrail} of its forms instead. Idempotent: once none is left the query finds
 * nothing.
 */
@Component
class ReviewTrailUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewTrailUpgrade.class);

    private final RuntimeService runtime;
    private final ReviewTrail trail;
    private final cn.chifeng.title.common.StartupLock startupLock;

    ReviewTrailUpgrade(RuntimeService runtime, ReviewTrail trail, cn.chifeng.title.common.StartupLock startupLock) {
        this.startupLock = startupLock;
        this.runtime = runtime;
        this.trail = trail;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void upgrade() {
        startupLock.run("review-trail", this::upgradeAll);
    }

    private void upgradeAll() {
        int n = 0;
        for (VariableInstance old : runtime.createVariableInstanceQuery()
                .variableName(TitleApplicationProcess.Vars.TRAIL_DISPLAY).list()) {
            Object applicationId = runtime.getVariable(old.getExecutionId(), TitleApplicationProcess.Vars.APPLICATION_ID);
            if (applicationId != null) {
                runtime.setVariable(old.getExecutionId(), TitleApplicationProcess.Vars.REVIEW_TRAIL,
                        trail.formValue(applicationId.toString()));
            }
            runtime.removeVariable(old.getExecutionId(), TitleApplicationProcess.Vars.TRAIL_DISPLAY);
            n++;
        }
        if (n > 0) {
            LOG.info("审核记录已改为表格变量 reviewTrail：{} 个在办申报", n);
        }
    }
}
