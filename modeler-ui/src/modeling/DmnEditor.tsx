/**
 * The decision editor (dmn-js: the decision table of the first decision, the requirements diagram a click away)
 * and, below it, a test of the decision the engine runs now against inputs the analyst gives (decision 0044).
 */
import { useEffect, useRef } from 'react';
import DmnModeler from 'dmn-js/lib/Modeler';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import { useI18n } from '../i18n/I18nProvider';
import { DecisionTest } from './DecisionTest';
import { dmnTranslateModule } from './dmn-translations';

interface Props {
  resource: string;
  xml: string;
  onChange(xml: string): void;
}

export function DmnEditor({ resource, xml, onChange }: Props) {
  const { locale } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const xmlRef = useRef(xml);

  useEffect(() => {
    if (!container.current) return;
    // dmn-js takes its viewers' extra modules one viewer at a time (`common` gives them none).
    const translated = { additionalModules: [dmnTranslateModule(locale)] };
    const modeler = new DmnModeler({
      container: container.current,
      common: { keyboard: { bindTo: document } },
      drd: translated,
      decisionTable: translated,
      literalExpression: translated,
    });
    void modeler.importXML(xmlRef.current).then(() => {
      const table = modeler.getViews().find((view) => view.type === 'decisionTable');
      if (table) void modeler.open(table);
    });
    const save = async () => {
      const { xml: changed } = await modeler.saveXML({ format: true });
      if (changed === xmlRef.current) return;
      xmlRef.current = changed;
      onChangeRef.current(changed);
    };
    // dmn-js reports a change on the event bus of the view that is open: listen on each view as it opens.
    const listened = new Set<unknown>();
    modeler.on('views.changed', () => {
      const bus = modeler.getActiveViewer()?.get<{ on(event: string, callback: () => void): void }>('eventBus');
      if (!bus || listened.has(bus)) return;
      listened.add(bus);
      bus.on('elements.changed', () => void save());
    });
    return () => modeler.destroy();
    // Made again when the language changes: it then opens what was last edited (xmlRef).
  }, [locale]);

  return (
    <div>
      <div className="dmn-editor" ref={container} data-testid="dmn-canvas" />
      <DecisionTest resource={resource} xml={xmlRef} />
    </div>
  );
}
