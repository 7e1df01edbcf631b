package cn.chifeng.title.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Task cards in Tasklist: every user task, when created, gets a task-local copy of the process variables the filters
 * show ({@link OrganisationAccess#CARD_VARIABLES}), because a reviewer may read their task — and so its local
 * variables — but not the process instance. Copies only what the process has: an expert's seat task in a session has
 * none of them. Added by a parse listener, so that a model deployed by policy staff cannot leave it out.
 */
@Component
class TaskCardPlugin extends AbstractProcessEnginePlugin {
    static final TaskListener COPY = TaskCardPlugin::copy;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>(configuration.getCustomPreBPMNParseListeners() == null
                ? List.of() : configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior b) {
                    b.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    static void copy(DelegateTask task) {
        for (var v : OrganisationAccess.CARD_VARIABLES) {
            String name = v.get("name");
            Object value = task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
    }
}
