import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Changing it (e.g. another page of the module) clears a caught error. */
  resetKey: string;
  fallback: (error: unknown, reset: () => void) => ReactNode;
  children?: ReactNode;
}

interface State {
  error: unknown;
  hasError: boolean;
  resetKey: string;
}

/** Catches what a module throws while rendering, so the shell and the other modules keep working. */
export class ModuleErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, hasError: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, hasError: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { resetKey: props.resetKey, error: null, hasError: false } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[dondoc] a module failed while rendering', error, info.componentStack);
  }

  reset = (): void => this.setState({ error: null, hasError: false });

  override render(): ReactNode {
    return this.state.hasError ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}
