// The kitchen display: board, all-day counts, top bar, dialogs, the hub-lost alarm, and the keyboard.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { offlineReloadSupported } from '../../shared/sw-register.js';
import { useStore } from '../../shared/use-store.js';
import type { PendingCommand } from '../../shared/pending-store.js';
import { PendingList } from '../../shared/ui/PendingList.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { createAgeClock } from './age-clock.js';
import { AgeClockContext } from './age-label.js';
import { allDayCounts } from './all-day.js';
import { AllDayPanel } from './AllDayPanel.js';
import { Board } from './Board.js';
import { createBoardController } from './board-controller.js';
import type { BoardTicket } from './board-types.js';
import { cycleItem, moveIndex, type BumpBarAction } from './bump-bar-keys.js';
import { HelpOverlay } from './HelpOverlay.js';
import { HubLostBanner } from './HubLostBanner.js';
import { openTicketsInOrder, recallCandidate } from './order-tickets.js';
import { lastPendingBump, pendingEffects } from './pending-effects.js';
import { DEVICE_COMMANDS, type KitchenServices } from './services.js';
import { SettingsModal } from './SettingsModal.js';
import { StaffGate } from './StaffGate.js';
import { StationPicker, type StationChoice } from './StationPicker.js';
import { loadThresholds, saveThresholds, type Thresholds } from './timer-thresholds.js';
import { TopBar } from './TopBar.js';
import { useBumpBar } from './use-bump-bar.js';
import { useHubLost } from './use-hub-lost.js';

const STATION_KEY = 'comanda.kitchen.station';
/** The event each kitchen command of this screen causes, applied as soon as the hub says yes. */
const CONFIRMED_AS: Record<string, string> = {
  BumpTicket: 'TicketBumped',
  BumpItem: 'TicketItemBumped',
  RecallTicket: 'TicketRecalled',
  StartTicket: 'TicketStarted',
};
type Dialog = 'help' | 'settings' | 'station' | 'staff' | null;

function savedStation(): string | null {
  const v = localStorage.getItem(STATION_KEY);
  return v && v !== 'expo' ? v : null;
}

export function KitchenScreen(props: { services: KitchenServices }) {
  const { services } = props;
  const { t } = useI18n();
  const toast = useToast();
  const staff = useStaff(services);
  const paired = useStore(services.device) !== null;

  const [controller] = useState(() =>
    createBoardController({
      api: services.readApi,
      getToken: services.readToken,
      station: savedStation(),
      onUnauthorized: () => {
        if (services.device.get())
          services.device.save(null); // revoked pairing: back to the sign-in
        else void services.sessions.refresh(services.staffApi);
      },
    }),
  );
  const [thresholds, setThresholds] = useState<Thresholds>(loadThresholds);
  const [clock] = useState(() => createAgeClock(thresholds));
  useEffect(() => clock.start(), [clock]);
  useEffect(() => controller.start(), [controller]);

  const board = useStore(controller.board);
  const status = useStore(controller.status);
  // Back live is the surest sign the hub answers again: send what waited, without the retry timer's wait.
  useEffect(() => {
    if (status === 'live') void services.queue.flush();
  }, [status, services.queue]);
  const station = useStore(controller.station);
  const pending = usePending(services);
  const effects = useMemo(() => pendingEffects(pending), [pending]);
  const tickets = useMemo(
    () => openTicketsInOrder(board.tickets, effects.hidden),
    [board.tickets, effects.hidden],
  );
  const stations = useStore(controller.stations);

  const [dialog, setDialog] = useState<Dialog>(null);
  const [showAllDay, setShowAllDay] = useState(() => localStorage.getItem('comanda.kitchen.allDay') !== '0');
  const [muted, setMuted] = useState(services.beeper.muted);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [itemCursor, setItemCursor] = useState(-1);
  const [flash, setFlash] = useState(0);
  const [anchor, setAnchor] = useState(0);

  // The selection follows the board: a bumped ticket hands it to the one that took its place.
  const selectedIndex = tickets.findIndex((x) => x.id === selectedId);
  const selected: BoardTicket | undefined =
    selectedIndex >= 0 ? tickets[selectedIndex] : tickets[Math.min(anchor, tickets.length - 1)];
  useEffect(() => {
    if (selectedIndex >= 0) setAnchor(selectedIndex);
  }, [selectedIndex]);
  // Keyed on the id: scrolling reads layout, so it must not run on every board update.
  const selectedKey = selected?.id ?? null;
  useEffect(() => {
    if (selectedKey)
      document.querySelector(`[data-ticket="${selectedKey}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);

  useEffect(
    () =>
      controller.onNewTickets(() => {
        services.beeper.chime();
        setFlash((n) => n + 1);
      }),
    [controller, services.beeper],
  );

  const alarm = useCallback(() => services.beeper.alarm(), [services.beeper]);
  const lostSince = useHubLost(status, alarm);

  const submit = useCallback(
    async (type: string, payload: Record<string, string>, label: string) => {
      if (!services.sessions.current() && !(paired && DEVICE_COMMANDS.has(type))) {
        toast(t('cmd.needsStaff'), 'danger');
        setDialog('staff');
        return;
      }
      const result = await services.queue.submit(type, payload, label);
      if (result.status === 'done' && CONFIRMED_AS[type]) controller.confirmed(CONFIRMED_AS[type], payload);
      if (result.status === 'refused' && result.outcome && !result.outcome.ok) {
        toast(t('cmd.refused', { message: result.outcome.error.message }), 'danger');
      }
    },
    [controller, paired, services, t, toast],
  );

  const onAction = (action: BumpBarAction) => {
    switch (action.type) {
      case 'move': {
        const grid = document.querySelector('.board');
        const columns = grid ? getComputedStyle(grid).gridTemplateColumns.split(' ').length : 1;
        const from = selected ? tickets.indexOf(selected) : -1;
        const next = tickets[moveIndex(from, action.dir, columns, tickets.length)];
        if (next) select(next.id);
        return;
      }
      case 'pick': {
        const next = tickets[action.n - 1];
        if (next) select(next.id);
        return;
      }
      case 'item': {
        if (!selected || selected.items.length === 0) return;
        const n = selected.items.length;
        setItemCursor((c) => cycleItem(c, action.delta, n));
        return;
      }
      case 'bump': {
        if (!selected) return;
        const item = itemCursor >= 0 ? selected.items[itemCursor] : undefined;
        const vars = { n: selected.dailyNumber, table: selected.tableLabel };
        if (item && item.status !== 'READY' && item.status !== 'VOIDED') {
          void submit(
            'BumpItem',
            { ticketId: selected.id, itemId: item.id },
            t('cmd.bumpItem', { ...vars, item: item.name.es }),
          );
        } else {
          void submit('BumpTicket', { ticketId: selected.id }, t('cmd.bump', vars));
        }
        setItemCursor(-1);
        return;
      }
      case 'start':
        if (selected?.status === 'NEW') {
          void submit(
            'StartTicket',
            { ticketId: selected.id },
            t('cmd.start', { n: selected.dailyNumber, table: selected.tableLabel }),
          );
        }
        return;
      case 'recall': {
        // A bump still on its way to the hub is the cook's last one: undo that before any confirmed one.
        const queued = lastPendingBump(pending);
        const target =
          (queued ? board.tickets[queued] : undefined) ?? recallCandidate(board.tickets, board.bumped);
        if (!target) {
          toast(t('cmd.nothingToRecall'));
          return;
        }
        void submit(
          'RecallTicket',
          { ticketId: target.id },
          t('cmd.recall', { n: target.dailyNumber, table: target.tableLabel }),
        );
        return;
      }
      case 'allDay':
        setShowAllDay((v) => {
          localStorage.setItem('comanda.kitchen.allDay', v ? '0' : '1');
          return !v;
        });
        return;
      case 'station':
        setDialog('station');
        return;
      case 'mute':
        toggleMute();
        return;
      case 'settings':
        setDialog('settings');
        return;
      case 'help':
        setDialog('help');
        return;
      case 'escape':
        setItemCursor(-1);
        return;
    }
  };
  useBumpBar(onAction, dialog === null, () => services.beeper.unlock());

  function select(id: string): void {
    setSelectedId(id);
    setItemCursor(-1);
  }
  const onSelect = useCallback((id: string) => {
    setSelectedId(id);
    setItemCursor(-1);
  }, []);
  function toggleMute(): void {
    services.beeper.setMuted(!services.beeper.muted);
    setMuted(services.beeper.muted);
  }

  const allDay = useMemo(
    () => (showAllDay ? allDayCounts(Object.values(board.tickets), board.held, effects.hidden) : []),
    [showAllDay, board.tickets, board.held, effects.hidden],
  );
  const stationChoices: StationChoice[] = useMemo(
    () => [{ id: null, name: t('station.expo') }, ...stations.map((s) => ({ id: s.id, name: s.name }))],
    [stations, t],
  );
  const stationNames = useMemo(
    () => (station === null ? Object.fromEntries(stations.map((s) => [s.id, s.name])) : null),
    [station, stations],
  );
  const stationName =
    station === null ? t('station.expo') : (stations.find((s) => s.id === station)?.name ?? station);

  return (
    <AgeClockContext.Provider value={clock}>
      <div className={`kitchen${lostSince !== null ? ' is-lost' : ''}`}>
        {lostSince !== null ? (
          <HubLostBanner
            since={lostSince}
            unauthorized={status === 'unauthorized'}
            reloadNeedsHub={!offlineReloadSupported()}
          />
        ) : null}
        <TopBar
          stationName={stationName}
          open={tickets.length}
          held={board.held.length}
          status={status}
          pending={pending.length}
          muted={muted}
          who={staff?.name ?? null}
          paired={paired}
          allDay={showAllDay}
          onStation={() => setDialog('station')}
          onAllDay={() => onAction({ type: 'allDay' })}
          onSettings={() => setDialog('settings')}
          onHelp={() => setDialog('help')}
          onMute={toggleMute}
          onSignIn={() => setDialog('staff')}
          onSignOut={() => void services.sessions.logout(services.staffApi)}
        />
        <main className={`k-main${showAllDay ? ' with-allday' : ''}`}>
          <Board
            tickets={tickets}
            held={board.held}
            selectedId={selected?.id ?? null}
            itemCursor={itemCursor}
            effects={effects}
            stationNames={stationNames}
            loaded={board.loaded}
            onSelect={onSelect}
          />
          {showAllDay ? <AllDayPanel lines={allDay} /> : null}
        </main>
        {pending.length > 0 ? (
          <div className="k-pending-dock">
            <PendingList
              pending={pending}
              labels={{
                queued: t('pending.queued'),
                sending: t('pending.sending'),
                failed: t('pending.failed'),
                dismiss: t('pending.dismiss'),
              }}
              onDismiss={(id) => void services.queue.dismiss(id)}
            />
          </div>
        ) : null}
        {flash > 0 ? <div key={flash} className="new-flash" aria-hidden="true" /> : null}
        {dialog === 'help' ? <HelpOverlay onClose={() => setDialog(null)} /> : null}
        {dialog === 'settings' ? (
          <SettingsModal
            thresholds={thresholds}
            muted={muted}
            paired={paired}
            onSave={(th) => {
              saveThresholds(th);
              setThresholds(th);
              clock.setThresholds(th);
            }}
            onMuted={(m) => {
              services.beeper.setMuted(m);
              setMuted(m);
            }}
            onForgetDevice={() => services.device.save(null)}
            onClose={() => setDialog(null)}
          />
        ) : null}
        {dialog === 'station' ? (
          <StationPicker
            stations={stationChoices}
            current={station}
            locked={paired && station !== null && !staff}
            onPick={(s) => {
              localStorage.setItem(STATION_KEY, s ?? 'expo');
              controller.setStation(s);
              setDialog(null);
            }}
            onClose={() => setDialog(null)}
          />
        ) : null}
        {dialog === 'staff' ? <StaffGate services={services} onClose={() => setDialog(null)} /> : null}
      </div>
    </AgeClockContext.Provider>
  );
}

function useStaff(services: KitchenServices) {
  const [staff, setStaff] = useState(() => services.sessions.current()?.staff ?? null);
  useEffect(() => services.sessions.subscribe((s) => setStaff(s?.staff ?? null)), [services.sessions]);
  return staff;
}

function usePending(services: KitchenServices): readonly PendingCommand[] {
  const [pending, setPending] = useState<readonly PendingCommand[]>(() => services.queue.pending());
  useEffect(() => services.queue.subscribe(setPending), [services.queue]);
  return pending;
}
