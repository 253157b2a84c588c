import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isChunkLoadError, isReloadPending, reloadOnceForStaleChunk } from './staleChunks.ts';

interface Props {
  /** Changing it (e.g. another page of the module) clears a caught error. */
  resetKey: string;
  fallback: (error: unknown, reset: () => void) => ReactNode;
  /** Shown instead of `fallback` while the page reloads once for a chunk that failed to load. */
  reloading?: ReactNode;
  children?: ReactNode;
}

interface State {
  error: unknown;
  hasError: boolean;
  reloading: boolean;
  resetKey: string;
}

/**
 * Catches what a module (or a core page) throws while rendering, so the shell and the other modules keep working.
 * A chunk that failed to load (a page opened before an upgrade) reloads the page once instead.
 */
export class ModuleErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, hasError: false, reloading: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, hasError: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { resetKey: props.resetKey, error: null, hasError: false, reloading: false } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The window's vite:preloadError handler may have started the reload already (the lazy
    // import then resolves to nothing and React throws for that): show it as the reload too.
    if (isReloadPending() || reloadOnceForStaleChunk(error)) {
      this.setState({ reloading: true });
      return;
    }
    console.error('[dondoc] a module failed while rendering', error, info.componentStack);
  }

  /** "Thử lại": a failed chunk is remembered by React's lazy, so only a page load fetches it again. */
  reset = (): void => {
    if (isChunkLoadError(this.state.error)) window.location.reload();
    else this.setState({ error: null, hasError: false, reloading: false });
  };

  override render(): ReactNode {
    if (!this.state.hasError) return this.props.children;
    return this.state.reloading && this.props.reloading !== undefined ? this.props.reloading : this.props.fallback(this.state.error, this.reset);
  }
}
