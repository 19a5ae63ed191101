/** Saved views of lists, private or shared: the public interface of the area. */
export {
  createView,
  deleteView,
  getView,
  listViews,
  viewInput,
  viewListInput,
  type ViewUser,
} from './saved-views-use-case';
