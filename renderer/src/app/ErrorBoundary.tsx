import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { kredo } from '../platform/kredo-api';

interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** Changing this key (for example the screen name) clears a shown error. */
  readonly resetKey: string;
}

interface ErrorBoundaryState {
  readonly error: Error | undefined;
  readonly resetKey: string;
}

/**
 * Keeps one broken screen from blanking the whole window: the failure is written to the main process's log
 * and the user gets a translated message with a way back. Data lives in IndexedDB, so nothing is lost.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: undefined, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<ErrorBoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: undefined, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    void kredo
      .reportRendererError({ message: error.message, stack: `${error.stack ?? ''}\n${info.componentStack ?? ''}`.slice(0, 20000), source: 'ErrorBoundary' })
      .catch(() => undefined);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Translation ns="common">
        {(t) => (
          <div role="alert" className="error-panel">
            <h2>{t('errorBoundary.title')}</h2>
            <p>{t('errorBoundary.body')}</p>
            <button type="button" className="button" onClick={() => this.setState({ error: undefined })}>
              {t('actions.retry')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
