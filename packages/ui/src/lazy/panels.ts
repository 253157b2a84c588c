/**
 * `@dondoc/ui/panels`: what a record's own view and editor show (tabs, a side drawer, a list of
 * its fields, its figures, progress bars, sparklines, the scorecard tree). Its own federation
 * singleton: a list page that opens a record in a drawer downloads it when the drawer is opened
 * (a lazy component), not before the list.
 */
export { Descriptions, Drawer, List, Progress, Segmented, Statistic, Tabs } from 'antd';
export type { DescriptionsProps, TabsProps } from 'antd';
export { ScorecardTree, SCORE_CLASS_COLORS, scorecardRows, withAncestors } from '../ScorecardTree.tsx';
export type { ScorecardEstimate, ScorecardTreeNode, ScorecardTreeProps, TreeRow } from '../ScorecardTree.tsx';
export { Sparkline, sparklineShape } from '../Sparkline.tsx';
export type { SparklinePoint, SparklineProps } from '../Sparkline.tsx';
