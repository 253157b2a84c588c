/**
 * The antd components a department module may use, re-exported so that they come from the
 * shell's one copy of antd (one theme, one ConfigProvider, one `App` for message/modal).
 *
 * antd itself is NOT a federation singleton: sharing it whole made every visitor download all
 * of antd (≈ 520 KB gzip) before the first page. `@dondoc/ui` is the singleton, so only what is
 * listed here (and what the shell and the kit use themselves) is in the shell's build. A module
 * imports these from `@dondoc/ui`, never from `antd` (`tools/check-deps.mjs` refuses it: a
 * module's own copy of antd would not see the shell's theme or locale). A component a module
 * needs that is not here is added here, then the shell is rebuilt.
 *
 * These are the components of an ordinary page (a list with its filters, a form, a dialog),
 * loaded with `@dondoc/ui` before the first page. Heavier ones that few pages show are in the
 * entries of `./lazy/` (`@dondoc/ui/date-picker`, `@dondoc/ui/panels`,
 * `@dondoc/ui/spreadsheet-import`): each is its own federation singleton, downloaded when a page
 * that imports it is.
 */
export {
  Alert,
  App,
  AutoComplete,
  Badge,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
export type {
  ButtonProps,
  FormInstance,
  FormProps,
  FormRule,
  GetProps,
  InputProps,
  ModalProps,
  SelectProps,
  TableColumnsType,
  TableProps,
} from 'antd';
